using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciudad.Platform.Outbox;

public enum OutboxStatus
{
    Pending = 0,
    Delivered = 1,
    Dead = 2,
}

/// <summary>
/// Work to do after a change commits (an email today; webhooks and jobs later). Written in the
/// same transaction as the change, so it exists exactly when the change does.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string Type { get; set; }
    public required string Payload { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset AvailableAt { get; set; }

    /// <summary>A dispatcher instance holds the message until this instant; after it, another may claim it.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>For an integration event (<see cref="Events.IntegrationEvents"/>): the one subscriber this copy is for.</summary>
    public string? Subscriber { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("platform_outbox_messages");
        builder.Property(m => m.Type).HasMaxLength(100);
        builder.Property(m => m.LockedBy).HasMaxLength(100);
        builder.Property(m => m.Subscriber).HasMaxLength(100);
        builder.HasIndex(m => new { m.Status, m.AvailableAt });
    }
}
