using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciudad.Platform.Email;

/// <summary>
/// An email the mail server accepted, by its outbox message. Written in its own transaction right
/// after the send, so a message whose outbox row was not marked delivered (crash, failed save) is
/// recognised as sent when it is dispatched again. See <see cref="EmailOutboxHandler"/>.
/// </summary>
public sealed class SentEmail
{
    public long OutboxMessageId { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

internal sealed class SentEmailConfiguration : IEntityTypeConfiguration<SentEmail>
{
    public void Configure(EntityTypeBuilder<SentEmail> builder)
    {
        builder.ToTable("platform_sent_emails");
        builder.HasKey(d => d.OutboxMessageId);
        builder.Property(d => d.OutboxMessageId).ValueGeneratedNever();
    }
}
