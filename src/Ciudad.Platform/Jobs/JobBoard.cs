namespace Ciudad.Platform.Jobs;

/// <summary>What administrators see about one job: its schedule here and its shared state.</summary>
public sealed record JobStatus(
    string Name,
    TimeSpan Every,
    bool Enabled,
    bool Running,
    DateTimeOffset? NextRunAt,
    DateTimeOffset? LastStartedAt,
    DateTimeOffset? LastFinishedAt,
    JobOutcome LastOutcome,
    string? LastError,
    int ConsecutiveFailures,
    long RunCount);

public enum RunNowResult
{
    Requested,
    UnknownJob,
    Disabled,
}

/// <summary>The administrators' view of the jobs and their "Run now".</summary>
public sealed class JobBoard(JobSchedules schedules, JobStore store, JobRunner runner, TimeProvider clock)
{
    public async Task<IReadOnlyList<JobStatus>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var rows = (await store.ListAsync(cancellationToken)).ToDictionary(r => r.Name);
        return schedules.All.Select(job =>
        {
            var row = rows.GetValueOrDefault(job.Name);
            return new JobStatus(job.Name, job.Every, job.Enabled,
                Running: row?.LeaseUntil is { } lease && lease > now,
                NextRunAt: job.Enabled ? row?.NextRunAt : null,
                row?.LastStartedAt, row?.LastFinishedAt, row?.LastOutcome ?? JobOutcome.NeverRun, row?.LastError,
                row?.ConsecutiveFailures ?? 0, row?.RunCount ?? 0);
        }).ToList();
    }

    /// <summary>
    /// Makes the job due now and wakes this instance's runner; the run itself happens in the
    /// background, on whichever instance claims it first. The caller saves nothing: this writes directly.
    /// </summary>
    public async Task<RunNowResult> RunNowAsync(string name, CancellationToken cancellationToken = default)
    {
        var job = schedules.Find(name);
        if (job is null)
        {
            return RunNowResult.UnknownJob;
        }
        if (!job.Enabled)
        {
            return RunNowResult.Disabled;
        }
        var now = clock.GetUtcNow();
        await store.EnsureAsync([job.Name], now, cancellationToken);
        await store.RequestRunAsync(job.Name, now, cancellationToken);
        runner.Wake();
        return RunNowResult.Requested;
    }
}
