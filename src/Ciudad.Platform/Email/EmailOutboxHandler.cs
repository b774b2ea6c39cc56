using Ciudad.Platform.Outbox;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ciudad.Platform.Email;

public sealed class EmailOutboxHandler(IEmailTransport transport, IOptions<EmailOptions> options) : IOutboxHandler
{
    public const string MessageType = "email";

    public string Type => MessageType;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
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
        return transport.SendAsync(mime, cancellationToken);
    }
}
