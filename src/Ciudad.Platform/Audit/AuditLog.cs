using System.Text.Json;
using Ciudad.Platform.Data;

namespace Ciudad.Platform.Audit;

/// <summary>
/// Records what happened. Entries join the caller's unit of work: they are written by the same
/// <c>SaveChangesAsync</c> as the change they describe, and sealed into the hash chain there.
/// </summary>
public sealed class AuditLog(CiudadDbContext db, IAuditActorAccessor actors, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public AuditEntry Record(
        string action,
        string? entityType = null,
        string? entityId = null,
        object? before = null,
        object? after = null,
        AuditActor? actor = null)
    {
        var who = actor ?? actors.Current;
        var entry = new AuditEntry
        {
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            BeforeJson = before is null ? null : JsonSerializer.Serialize(before, Json),
            AfterJson = after is null ? null : JsonSerializer.Serialize(after, Json),
            ActorUserId = who.UserId,
            ActorEmail = who.Email,
            IpAddress = who.IpAddress,
            OccurredAt = AuditChain.Truncate(clock.GetUtcNow()),
            PreviousHash = "",
            Hash = "",
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Records and saves at once, for events with no other change (sign-in failures).</summary>
    public async Task RecordNowAsync(string action, string? entityType = null, string? entityId = null,
        object? before = null, object? after = null, AuditActor? actor = null, CancellationToken cancellationToken = default)
    {
        Record(action, entityType, entityId, before, after, actor);
        await db.SaveChangesAsync(cancellationToken);
    }
}
