using Ciudad.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Platform.Audit;

public sealed record AuditVerification(long EntriesChecked, long? FirstBrokenSequence, string? Problem)
{
    public bool IsIntact => FirstBrokenSequence is null;
}

/// <summary>Walks the chain from the first entry and reports the first link that does not hold.</summary>
public sealed class AuditVerifier(CiudadDbContext db)
{
    private const int BatchSize = 1000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        long checkedCount = 0;
        long expectedSequence = 1;
        var previousHash = AuditChain.Genesis;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence >= expectedSequence)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return new AuditVerification(checkedCount, null, null);
            }
            foreach (var entry in batch)
            {
                if (entry.Sequence != expectedSequence)
                {
                    return new AuditVerification(checkedCount, expectedSequence,
                        $"entry {expectedSequence} is missing (next present is {entry.Sequence})");
                }
                if (entry.PreviousHash != previousHash)
                {
                    return new AuditVerification(checkedCount, entry.Sequence,
                        $"entry {entry.Sequence} does not point at the hash of entry {entry.Sequence - 1}");
                }
                if (AuditChain.ComputeHash(entry) != entry.Hash)
                {
                    return new AuditVerification(checkedCount, entry.Sequence,
                        $"entry {entry.Sequence} was changed after it was written (its hash does not match its contents)");
                }
                previousHash = entry.Hash;
                expectedSequence++;
                checkedCount++;
            }
        }
    }
}
