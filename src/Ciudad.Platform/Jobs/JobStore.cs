using Ciudad.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Platform.Jobs;

/// <summary>
/// The lease on each job's row. Claiming is one UPDATE whose WHERE says "due and not leased": on
/// PostgreSQL a second instance's UPDATE waits for the first to commit, re-reads the row and finds
/// it leased; SQLite has a single writer. Either way exactly one instance gets a due run.
/// </summary>
public sealed class JobStore(CiudadDbContext db)
{
    /// <summary>Adds a row for each job that has none yet, due at <paramref name="now"/>; existing rows are left alone.</summary>
    public async Task EnsureAsync(IEnumerable<string> names, DateTimeOffset now, CancellationToken cancellationToken)
    {
        object dueAt = db.Database.IsNpgsql() ? now : now.UtcTicks;
        foreach (var name in names)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO platform_jobs (name, next_run_at, last_outcome, consecutive_failures, run_count)
                VALUES ({name}, {dueAt}, 0, 0, 0)
                ON CONFLICT (name) DO NOTHING
                """, cancellationToken);
        }
    }

    /// <summary>Takes the job for <paramref name="owner"/> when it is due and nobody holds it.</summary>
    public async Task<bool> TryClaimAsync(string name, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var until = now + lease;
        var claimed = await db.Set<JobState>()
            .Where(j => j.Name == name && j.NextRunAt <= now && (j.LeaseUntil == null || j.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LeaseOwner, owner)
                .SetProperty(j => j.LeaseUntil, until)
                .SetProperty(j => j.LastStartedAt, now), cancellationToken);
        return claimed == 1;
    }

    /// <summary>Records a finished run and sets the next one; only the lease's owner may.</summary>
    public Task CompleteAsync(string name, string owner, DateTimeOffset finishedAt, DateTimeOffset nextRunAt, string? error, CancellationToken cancellationToken)
    {
        var mine = db.Set<JobState>().Where(j => j.Name == name && j.LeaseOwner == owner);
        if (error is null)
        {
            return mine.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(j => j.LastFinishedAt, finishedAt)
                .SetProperty(j => j.LastOutcome, JobOutcome.Succeeded)
                .SetProperty(j => j.LastError, (string?)null)
                .SetProperty(j => j.ConsecutiveFailures, 0)
                .SetProperty(j => j.RunCount, j => j.RunCount + 1)
                .SetProperty(j => j.NextRunAt, nextRunAt), cancellationToken);
        }
        var shortened = error.Length > 2000 ? error[..2000] : error;
        return mine.ExecuteUpdateAsync(s => s
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(j => j.LastFinishedAt, finishedAt)
            .SetProperty(j => j.LastOutcome, JobOutcome.Failed)
            .SetProperty(j => j.LastError, shortened)
            .SetProperty(j => j.ConsecutiveFailures, j => j.ConsecutiveFailures + 1)
            .SetProperty(j => j.RunCount, j => j.RunCount + 1)
            .SetProperty(j => j.NextRunAt, nextRunAt), cancellationToken);
    }

    /// <summary>Gives the lease back without recording a run (the instance is shutting down mid-run).</summary>
    public Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken) =>
        db.Set<JobState>().Where(j => j.Name == name && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), cancellationToken);

    /// <summary>Makes the job due now ("Run now"); whichever instance looks first runs it.</summary>
    public async Task<bool> RequestRunAsync(string name, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Set<JobState>().Where(j => j.Name == name)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.NextRunAt, now), cancellationToken) == 1;

    public Task<List<JobState>> ListAsync(CancellationToken cancellationToken) =>
        db.Set<JobState>().AsNoTracking().OrderBy(j => j.Name).ToListAsync(cancellationToken);
}
