using System.Diagnostics;
using Ciudad.Platform.Data;
using Ciudad.Platform.Seeding;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Sla;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Seeding;

/// <summary>Progress of a synthetic load, reported after each batch.</summary>
internal sealed record SyntheticProgress(int Written, int Total, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Written / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// <c>ciudad seed-demo --requests N</c>: N synthetic requests over the last three years, across
/// the catalog and the city's areas, for load tests and for trying Ciudad at a big city's scale.
///
/// Request numbers stay unique without a second scheme: they are drawn from the same random space
/// as real ones (so synthetic numbers say nothing about being synthetic, and lookups by number
/// behave as in production), every number already in the table is loaded first and the run keeps
/// its own draws in the same set, and the unique index guards the rest — if a resident's report
/// takes one of a batch's numbers while the batch is being written, the batch is rolled back,
/// renumbered and written again. A reserved prefix would have been simpler to reason about but
/// would need intake to avoid it, and would make synthetic rows recognisable.
/// </summary>
internal sealed class SyntheticRequests(CiudadDbContext db, SlaCalendar sla, DemoPlaces places, TimeProvider clock)
{
    public const int WindowDays = 3 * 365;

    public async Task<int> GenerateAsync(int count, int seed, IProgress<SyntheticProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var services = await db.Services().AsNoTracking()
            .Include(s => s.Attributes).ThenInclude(a => a.Values)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var assignee = await db.Users.Where(u => u.Email == DemoData.AdminEmail).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        var taken = await db.Requests().Select(r => r.Number).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        var now = clock.GetUtcNow();
        var random = new Random(seed);
        var generator = new RequestGenerator(services, sla, places, random, now, taken, assignee, includeFollowers: false);
        var writer = BulkRequestWriter.For(db);
        var batchSize = db.Database.IsNpgsql() ? 20_000 : 5_000;
        var start = now - TimeSpan.FromDays(WindowDays);
        var window = TimeSpan.FromDays(WindowDays);
        var stopwatch = Stopwatch.StartNew();

        for (var written = 0; written < count;)
        {
            // In time order, as a real table fills: the heap's physical order then matches requested_at.
            var size = Math.Min(batchSize, count - written);
            var batch = new List<ServiceRequest>(size);
            for (var i = written; i < written + size; i++)
            {
                batch.Add(generator.Create(start + window * ((i + random.NextDouble()) / count)));
            }
            while (!await writer.TryWriteAsync(batch, cancellationToken))
            {
                await RenumberTakenAsync(batch, taken, random, cancellationToken);
            }
            written += size;
            progress?.Report(new SyntheticProgress(written, count, stopwatch.Elapsed));
        }
        await writer.FinishAsync(cancellationToken);
        return count;
    }

    private async Task RenumberTakenAsync(List<ServiceRequest> batch, HashSet<string> taken, Random random, CancellationToken cancellationToken)
    {
        var numbers = batch.Select(r => r.Number).ToList();
        var clashes = await db.Requests().Where(r => numbers.Contains(r.Number)).Select(r => r.Number).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        foreach (var request in batch.Where(r => clashes.Contains(r.Number)))
        {
            string number;
            do
            {
                number = RequestNumbers.New(random);
            }
            while (!taken.Add(number));
            request.Number = number;
        }
    }
}
