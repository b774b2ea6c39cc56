using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// An update a client posted (<c>POST servicerequestupdates</c>), by the client's own <c>update_id</c>:
/// the same id from the same key again is the same update (FixMyStreet retries after a timeout), so
/// it gets the same answer and no second timeline entry.
/// </summary>
internal sealed class Open311ClientUpdate
{
    public long Id { get; set; }
    public int ApiKeyId { get; set; }
    public required string ClientUpdateId { get; set; }

    /// <summary>The timeline entry the update became; its id is the <c>update_id</c> Ciudad answers with.</summary>
    public long RequestEventId { get; set; }
    public RequestEvent? RequestEvent { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

internal sealed class Open311ClientUpdateConfiguration : IEntityTypeConfiguration<Open311ClientUpdate>
{
    public const int MaxClientUpdateIdLength = 100;

    public void Configure(EntityTypeBuilder<Open311ClientUpdate> builder)
    {
        builder.ToTable("sr_open311_client_updates");
        builder.Property(u => u.ClientUpdateId).HasMaxLength(MaxClientUpdateIdLength);
        builder.HasIndex(u => new { u.ApiKeyId, u.ClientUpdateId }).IsUnique();
        builder.HasOne<ApiKey>().WithMany().HasForeignKey(u => u.ApiKeyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.RequestEvent).WithMany().HasForeignKey(u => u.RequestEventId).OnDelete(DeleteBehavior.Cascade);
    }
}
