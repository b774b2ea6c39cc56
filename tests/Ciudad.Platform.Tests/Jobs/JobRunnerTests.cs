using Ciudad.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ciudad.Platform.Tests.Jobs;

/// <summary>What the test jobs did; the failing one fails while <see cref="Failing"/> is set.</summary>
public sealed class JobLog
{
    private int _runs;
    public int Runs => _runs;
    public bool Failing { get; set; } = true;
    public void Ran() => Interlocked.Increment(ref _runs);
}

public sealed class SlowCountingJob(JobLog log) : ICiudadJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        log.Ran();
        // Holds the lease while the other runners try, as a real job's work would.
        await Task.Delay(50, cancellationToken);
    }
}

public sealed class FailingJob(JobLog log) : ICiudadJob
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        log.Ran();
        return log.Failing ? throw new InvalidOperationException("upstream refused") : Task.CompletedTask;
    }
}

/// <summary>
/// Runners as separate instances would run them: each its own owner, all on one database and one
/// (fake) clock. The app's own runner does not know these jobs, so only the test's runners run them.
/// </summary>
public sealed class JobRunnerTests
{
    private static readonly TimeSpan Hourly = TimeSpan.FromHours(1);

    private static async Task<(CiudadApp App, JobLog Log)> StartAsync(TestDatabase db)
    {
        var log = new JobLog();
        var app = await CiudadApp.StartAsync(db, null, services =>
        {
            services.AddSingleton(log);
            services.AddScoped<SlowCountingJob>();
            services.AddScoped<FailingJob>();
        });
        return (app, log);
    }

    private static JobRunner Runner(CiudadApp app, TimeProvider clock, params JobDefinition[] jobs) => new(
        app.Services.GetRequiredService<IServiceScopeFactory>(),
        new JobSchedules(jobs, new ConfigurationBuilder().Build()),
        Options.Create(new JobsOptions()),
        clock,
        NullLogger<JobRunner>.Instance);

    // Both databases keep an instant to the microsecond at best; whole seconds compare exactly.
    private static DateTimeOffset WholeSecondNow() =>
        new(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static Task<JobState> StateAsync(CiudadApp app, string name) =>
        app.WithDbAsync(d => d.Set<JobState>().AsNoTracking().SingleAsync(j => j.Name == name));

    [Theory, BothDatabases]
    public async Task Four_runners_on_one_database_run_a_due_job_once_and_again_only_when_its_interval_has_passed(TestDatabase db)
    {
        var (app, log) = await StartAsync(db);
        await using var _app = app;
        var clock = new FakeTimeProvider(WholeSecondNow());
        var job = new JobDefinition("test-count", typeof(SlowCountingJob), Hourly);
        var runners = Enumerable.Range(0, 4).Select(_ => Runner(app, clock, job)).ToList();

        async Task<int> AllAtOnceAsync() => (await Task.WhenAll(runners.Select(r => r.RunDueJobsAsync(CancellationToken.None)))).Sum();

        var first = await AllAtOnceAsync();
        var beforeInterval = await AllAtOnceAsync();
        clock.Advance(Hourly - TimeSpan.FromSeconds(1));
        var almost = await AllAtOnceAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        var second = await AllAtOnceAsync();
        var state = await StateAsync(app, "test-count");

        Assert.Equal([1, 0, 0, 1], [first, beforeInterval, almost, second]);
        Assert.Equal(2, log.Runs);
        Assert.Equal(2, state.RunCount);
        Assert.Equal(JobOutcome.Succeeded, state.LastOutcome);
        Assert.Null(state.LeaseOwner);
        Assert.Equal(clock.GetUtcNow() + Hourly, state.NextRunAt);
    }

    [Theory, BothDatabases]
    public async Task A_failing_job_records_its_failure_and_is_retried_at_its_next_interval(TestDatabase db)
    {
        var (app, log) = await StartAsync(db);
        await using var _app = app;
        var clock = new FakeTimeProvider(WholeSecondNow());
        var runner = Runner(app, clock, new JobDefinition("test-fail", typeof(FailingJob), Hourly));

        await runner.RunDueJobsAsync(CancellationToken.None);
        var failed = await StateAsync(app, "test-fail");
        var tooSoon = await runner.RunDueJobsAsync(CancellationToken.None);
        clock.Advance(Hourly);
        await runner.RunDueJobsAsync(CancellationToken.None);
        var failedTwice = await StateAsync(app, "test-fail");
        log.Failing = false;
        clock.Advance(Hourly);
        await runner.RunDueJobsAsync(CancellationToken.None);
        var recovered = await StateAsync(app, "test-fail");

        Assert.Equal(JobOutcome.Failed, failed.LastOutcome);
        Assert.Equal("upstream refused", failed.LastError);
        Assert.Equal(1, failed.ConsecutiveFailures);
        Assert.Null(failed.LeaseOwner);
        Assert.Equal(0, tooSoon);
        Assert.Equal(2, failedTwice.ConsecutiveFailures);
        Assert.Equal(JobOutcome.Succeeded, recovered.LastOutcome);
        Assert.Equal(0, recovered.ConsecutiveFailures);
        Assert.Null(recovered.LastError);
        Assert.Equal(3, log.Runs);
    }

    [Theory, BothDatabases]
    public async Task A_job_held_by_an_instance_that_crashed_is_taken_over_when_its_lease_ends(TestDatabase db)
    {
        var (app, log) = await StartAsync(db);
        await using var _app = app;
        var clock = new FakeTimeProvider(WholeSecondNow());
        var job = new JobDefinition("test-count", typeof(SlowCountingJob), Hourly);
        var survivor = Runner(app, clock, job);
        await survivor.RunDueJobsAsync(CancellationToken.None);
        clock.Advance(Hourly);
        // Another instance claimed the due run, then died before finishing it.
        var claimed = await app.WithServicesAsync(sp => sp.GetRequiredService<JobStore>()
            .TryClaimAsync("test-count", "crashed-instance", clock.GetUtcNow(), new JobsOptions().Lease, CancellationToken.None));

        var whileLeased = await survivor.RunDueJobsAsync(CancellationToken.None);
        clock.Advance(new JobsOptions().Lease + TimeSpan.FromSeconds(1));
        var afterLease = await survivor.RunDueJobsAsync(CancellationToken.None);

        Assert.True(claimed);
        Assert.Equal(0, whileLeased);
        Assert.Equal(1, afterLease);
        Assert.Equal(2, log.Runs);
    }

    [Fact]
    public void Schedules_come_from_each_jobs_own_settings_then_its_older_ones_then_the_default()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ciudad:Jobs:Own:Every"] = "00:00:30",
            ["Ciudad:Jobs:Own:Enabled"] = "false",
            ["Legacy:Interval"] = "00:02:00",
            ["Legacy:On"] = "false",
        }).Build();
        var schedules = new JobSchedules(
        [
            new JobDefinition("Own", typeof(FailingJob), Hourly, "Legacy:On", "Legacy:Interval"),
            new JobDefinition("Older", typeof(FailingJob), Hourly, "Legacy:On", "Legacy:Interval"),
            new JobDefinition("Plain", typeof(FailingJob), Hourly),
        ], configuration);

        Assert.Equal(new ScheduledJob("Own", typeof(FailingJob), TimeSpan.FromSeconds(30), false), schedules.Find("Own"));
        Assert.Equal(new ScheduledJob("Older", typeof(FailingJob), TimeSpan.FromMinutes(2), false), schedules.Find("Older"));
        Assert.Equal(new ScheduledJob("Plain", typeof(FailingJob), Hourly, true), schedules.Find("Plain"));
    }
}
