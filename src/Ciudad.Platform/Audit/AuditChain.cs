using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ciudad.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Platform.Audit;

/// <summary>The hash chain: how an entry's hash is computed and how new entries are linked in.</summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    // Arbitrary constant naming "the audit chain" for PostgreSQL's advisory lock.
    private const long AdvisoryLockKey = 0x4349_5544_4144; // "CIUDAD"

    /// <summary>PostgreSQL keeps microseconds; truncating first makes the hash the same after a round trip.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % 10), TimeSpan.Zero);

    public static string ComputeHash(AuditEntry e)
    {
        // Length-prefixed fields: no value can be crafted to look like a field boundary.
        var builder = new StringBuilder();
        void Field(string? value) =>
            builder.Append(value is null ? "-1:" : string.Create(CultureInfo.InvariantCulture, $"{value.Length}:{value}")).Append('|');
        Field(e.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(e.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Field(e.ActorUserId);
        Field(e.ActorEmail);
        Field(e.IpAddress);
        Field(e.Action);
        Field(e.EntityType);
        Field(e.EntityId);
        Field(e.BeforeJson);
        Field(e.AfterJson);
        Field(e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>
    /// Links new entries to the tail of the chain. Must run inside the transaction that saves them:
    /// PostgreSQL serializes writers with an advisory lock; SQLite's IMMEDIATE transactions already
    /// hold the only write lock. The unique index on Sequence backs both up.
    /// </summary>
    internal static async Task SealAsync(CiudadDbContext db, IReadOnlyList<AuditEntry> pending, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        }
        var tail = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = tail?.Sequence ?? 0;
        var previous = tail?.Hash ?? Genesis;
        foreach (var entry in pending)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = ComputeHash(entry);
            previous = entry.Hash;
        }
    }
}
