using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ciudad.Platform.Email;

public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Real SMTP through MailKit.</summary>
public sealed class SmtpEmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        var security = settings.SmtpSecurity switch
        {
            "None" => SecureSocketOptions.None,
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(settings.SmtpHost ?? throw new InvalidOperationException("Ciudad:Email:SmtpHost is required for SMTP delivery."), settings.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Writes each message to the pickup folder as an .eml file, named so newest sorts last.</summary>
public sealed class PickupFolderEmailTransport(MailFolder folder) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder.Path);
        var name = $"{DateTimeOffset.UtcNow:yyyyMMddTHHmmssfffffff}-{Guid.NewGuid():N}.eml";
        var temporary = System.IO.Path.Combine(folder.Path, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        // Rename last so a reader never sees half a message.
        File.Move(temporary, System.IO.Path.Combine(folder.Path, name));
    }
}

/// <summary>The resolved pickup folder (absolute).</summary>
public sealed record MailFolder(string Path);
