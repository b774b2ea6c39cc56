using Ciudad.Platform.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ciudad.Platform.Jobs;

/// <summary>
/// Runs every instance's scheduled jobs. Each instance runs one of these; a due job runs on the one
/// instance that claims its lease (<see cref="JobStore.TryClaimAsync"/>), which then records the
/// outcome and the next run (finish + interval, after a failure too).
/// </summary>
public sealed class JobRunner(
    IServiceScopeFactory scopes,
    JobSchedules schedules,
    IOptions<JobsOptions> options,
    TimeProvider clock,
    ILogger<JobRunner> logger) : BackgroundService
{
    // Unique per process and start, so a restarted instance never mistakes an old lease for its own.
    private readonly string _owner = Truncate($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}", 100);
    private volatile TaskCompletionSource _wake = NewSignal();

    public string Owner => _owner;

    /// <summary>Wakes this instance's loop now (after "Run now" or new work), instead of at its next check.</summary>
    public void Wake() => _wake.TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunnerEnabled)
        {
            return;
        }
        logger.LogInformation("Job runner {Owner} started with {Jobs}", _owner, string.Join(", ", schedules.Enabled.Select(j => $"{j.Name} every {j.Every}")));
        while (!stoppingToken.IsCancellationRequested)
        {
            var signal = _wake;
            TimeSpan wait;
            try
            {
                (_, wait) = await PassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable (or not migrated yet); the loop must survive it.
                logger.LogError(ex, "Job runner pass failed; will try again");
                wait = options.Value.MaxIdle;
            }
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.WhenAny(Task.Delay(wait, clock, stoppingToken), signal.Task);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            if (signal.Task.IsCompleted)
            {
                Interlocked.CompareExchange(ref _wake, NewSignal(), signal);
            }
        }
    }

    /// <summary>
    /// One pass: runs each enabled job that is due and that this instance manages to claim.
    /// Returns how many jobs this instance ran.
    /// </summary>
    public async Task<int> RunDueJobsAsync(CancellationToken cancellationToken) => (await PassAsync(cancellationToken)).Ran;

    /// <summary>A pass, and how long to sleep after it: until the earliest job is due or its lease ends.</summary>
    private async Task<(int Ran, TimeSpan Wait)> PassAsync(CancellationToken cancellationToken)
    {
        var jobs = schedules.Enabled.ToList();
        if (jobs.Count == 0)
        {
            return (0, options.Value.MaxIdle);
        }
        // One read decides which claims to try, so a pass with nothing due writes nothing.
        var rows = await ReadStatesAsync(jobs, cancellationToken);
        var now = clock.GetUtcNow();
        var ran = 0;
        foreach (var job in jobs)
        {
            var row = rows[job.Name];
            var free = row.NextRunAt <= now && (row.LeaseUntil is null || row.LeaseUntil < now);
            if (free && await TryRunAsync(job, cancellationToken))
            {
                ran++;
            }
        }
        if (ran > 0)
        {
            return (ran, TimeSpan.Zero);
        }
        var next = rows.Values.Min(r => r.LeaseUntil is { } lease && lease > r.NextRunAt ? lease : r.NextRunAt);
        var wait = next - now;
        // Due but taken by another instance a moment ago: look again after the shortest interval.
        var floor = jobs.Min(j => j.Every);
        return (0, Min(wait <= TimeSpan.Zero ? floor : wait, options.Value.MaxIdle));
    }

    private async Task<Dictionary<string, JobState>> ReadStatesAsync(IReadOnlyList<ScheduledJob> jobs, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<JobStore>();
        var rows = (await store.ListAsync(cancellationToken)).ToDictionary(r => r.Name);
        var missing = jobs.Where(j => !rows.ContainsKey(j.Name)).Select(j => j.Name).ToList();
        if (missing.Count == 0)
        {
            return rows;
        }
        await store.EnsureAsync(missing, clock.GetUtcNow(), cancellationToken);
        return (await store.ListAsync(cancellationToken)).ToDictionary(r => r.Name);
    }

    private async Task<bool> TryRunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        await using (var claimScope = scopes.CreateAsyncScope())
        {
            var claimed = await claimScope.ServiceProvider.GetRequiredService<JobStore>()
                .TryClaimAsync(job.Name, _owner, clock.GetUtcNow(), options.Value.Lease, cancellationToken);
            if (!claimed)
            {
                return false;
            }
        }

        string? error = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var instance = (ICiudadJob)scope.ServiceProvider.GetRequiredService(job.JobType);
            await instance.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-run: give the job back so another instance runs it now, not after the lease.
            await using var releaseScope = scopes.CreateAsyncScope();
            await releaseScope.ServiceProvider.GetRequiredService<JobStore>().ReleaseAsync(job.Name, _owner, CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            error = ex.Message;
            logger.LogError(ex, "Job {Job} failed; it runs again in {Every}", job.Name, job.Every);
        }

        var finished = clock.GetUtcNow();
        await using var completeScope = scopes.CreateAsyncScope();
        await completeScope.ServiceProvider.GetRequiredService<JobStore>()
            .CompleteAsync(job.Name, _owner, finished, finished + job.Every, error, CancellationToken.None);
        return true;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[^length..];
}
