using Ciudad.Platform.Data;
using Ciudad.Platform.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ciudad.Platform.Email;

/// <summary>
/// Sends an outbox email once. The outbox is at least once: a handler that succeeded may run again
/// when the dispatcher's save afterwards fails or the instance crashes. So right after the mail
/// server accepts a message, a <see cref="SentEmail"/> row is committed in its own transaction
/// (not the dispatcher's), and a message that already has one is not sent again. The remaining
/// window is between the server's acceptance and that commit (milliseconds, one database write):
/// a crash exactly there still sends twice, and the outbox id as <c>Message-ID</c> lets mail
/// clients recognise the copy.
/// </summary>
public sealed class EmailOutboxHandler(
    IEmailTransport transport,
    IOptions<EmailOptions> options,
    CiudadDbContext db,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<EmailOutboxHandler> logger) : IOutboxHandler
{
    public const string MessageType = "email";

    public string Type => MessageType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (await db.Set<SentEmail>().AsNoTracking().AnyAsync(d => d.OutboxMessageId == message.Id, cancellationToken))
        {
            logger.LogInformation("Outbox email {MessageId} was already sent; not sending it again", message.Id);
            return;
        }
        await transport.SendAsync(ToMime(message), cancellationToken);
        await RecordSentAsync(message.Id);
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var email = Outbox.Outbox.Read<EmailMessage>(message);
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        mime.To.Add(MailboxAddress.Parse(email.To));
        mime.Subject = email.Subject;
        // Outbox id as Message-ID: a retried delivery is recognisably the same message.
        mime.MessageId = $"outbox-{message.Id}@{options.Value.FromAddress.Split('@')[^1]}";
        var body = new TextPart("plain") { Text = email.TextBody };
        body.Headers.Add(HeaderId.ContentLanguage, email.Culture); // lets mail clients pick voice and spelling
        mime.Body = body;
        return mime;
    }

    /// <summary>
    /// Commits the record in a context of its own: the dispatcher's unit of work is saved later and
    /// may fail. Failing here is only logged; the mail went out, so the message counts as delivered.
    /// </summary>
    private async Task RecordSentAsync(long messageId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var own = scope.ServiceProvider.GetRequiredService<CiudadDbContext>();
            own.Add(new SentEmail { OutboxMessageId = messageId, SentAt = clock.GetUtcNow() });
            await own.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Outbox email {MessageId} was sent but not recorded; a redelivery would send it again", messageId);
        }
    }
}
