using System.Net;
using Ciudad.Platform.Jobs;
using Ciudad.Platform.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Web.Tests.Admin;

public sealed class TickJob : ICiudadJob
{
    public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class BrokenJob : ICiudadJob
{
    public Task RunAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("Archive server said no");
}

/// <summary>/Admin/Jobs over the app's own runner: every job, its last run and outcome, and "Run now".</summary>
public sealed class JobsPageTests
{
    private static Task<CiudadApp> StartAsync(TestDatabase db) =>
        CiudadApp.StartAsync(db, null, services =>
        {
            // Hourly: each runs once when the app starts, and again only when asked.
            services.AddCiudadJob<TickJob>("test-tick", TimeSpan.FromHours(1));
            services.AddCiudadJob<BrokenJob>("test-broken", TimeSpan.FromHours(1));
        });

    /// <summary>Waits until the job has finished <paramref name="runs"/> runs (the runner works in the background).</summary>
    private static async Task WaitForRunsAsync(CiudadApp app, string name, long runs)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var done = await app.WithDbAsync(d => d.Set<JobState>().Where(j => j.Name == name).Select(j => j.RunCount).FirstOrDefaultAsync());
            if (done >= runs)
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Job {name} did not finish {runs} runs.");
    }

    private static AngleSharp.Dom.IElement Row(HtmlPage page, string job) =>
        page.Find($"tr[data-job='{job}']") ?? throw new InvalidOperationException($"No row for {job}:\n{page.Text}");

    [Theory, BothDatabases]
    public async Task Every_job_shows_its_schedule_last_outcome_failures_and_error_in_both_languages(TestDatabase db)
    {
        await using var app = await StartAsync(db);
        await WaitForRunsAsync(app, "test-tick", 1);
        await WaitForRunsAsync(app, "test-broken", 1);
        var (admin, _) = await app.SignedInAdministratorAsync();
        var (spanish, _) = await app.SignedInAdministratorAsync("es");

        var page = await admin.GetAsync("/Admin/Jobs");
        var pagina = await spanish.GetAsync("/Admin/Jobs");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Background jobs", page.H1);
        var tick = Row(page, "test-tick");
        Assert.Contains("01:00:00", tick.TextContent, StringComparison.Ordinal);
        Assert.Contains("Succeeded", tick.TextContent, StringComparison.Ordinal);
        var broken = Row(page, "test-broken");
        Assert.Contains("Failed", broken.TextContent, StringComparison.Ordinal);
        Assert.Contains("Archive server said no", broken.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", broken.QuerySelectorAll("td")[4].TextContent.Trim());
        Assert.NotNull(Row(page, OutboxDispatcher.JobName).QuerySelector("button[name='job']"));
        // Test apps switch the SLA monitor off: shown, but with nothing to run.
        var sla = Row(page, "SlaMonitor");
        Assert.Contains("Switched off", sla.TextContent, StringComparison.Ordinal);
        Assert.Null(sla.QuerySelector("button"));

        Assert.Equal("Tareas programadas", pagina.H1);
        Assert.Contains("Correcta", Row(pagina, "test-tick").TextContent, StringComparison.Ordinal);
        Assert.Contains("Falló", Row(pagina, "test-broken").TextContent, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Run_now_runs_the_job_again_and_is_audited_and_a_switched_off_or_unknown_job_is_refused(TestDatabase db)
    {
        await using var app = await StartAsync(db);
        await WaitForRunsAsync(app, "test-tick", 1);
        var (admin, person) = await app.SignedInAdministratorAsync();
        var page = await admin.GetAsync("/Admin/Jobs");

        var requested = await admin.SubmitAsync(page, new Dictionary<string, string> { ["job"] = "test-tick" }, "form[action*='handler=Run']");
        await WaitForRunsAsync(app, "test-tick", 2);
        var switchedOff = await admin.SubmitAsync(page, new Dictionary<string, string> { ["job"] = "SlaMonitor" }, "form[action*='handler=Run']");
        var unknown = await admin.SubmitAsync(page, new Dictionary<string, string> { ["job"] = "no-such-job" }, "form[action*='handler=Run']");

        Assert.Equal("test-tick will run in a moment. Reload the page to see the result.", requested.Confirmation());
        var audit = Assert.Single(await app.AuditAsync("jobs.run-requested", "test-tick"));
        Assert.Equal(person.Id, audit.ActorUserId);
        Assert.Equal(HttpStatusCode.BadRequest, switchedOff.StatusCode);
        Assert.Equal(["That job is switched off in this server's settings, so it cannot run now"], switchedOff.Errors);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Empty(await app.AuditAsync("jobs.run-requested", "SlaMonitor"));
        var runs = await app.WithDbAsync(d => d.Set<JobState>().Where(j => j.Name == "test-tick").Select(j => j.RunCount).SingleAsync());
        Assert.Equal(2, runs);
    }

    [Theory, BothDatabases]
    public async Task The_outbox_page_names_the_subscriber_of_an_undelivered_event(TestDatabase db)
    {
        await using var app = await CiudadApp.StartAsync(db, new Dictionary<string, string?> { ["Ciudad:Outbox:DispatcherEnabled"] = "false" });
        await app.WithDbAsync(async d =>
        {
            d.OutboxMessages.Add(new OutboxMessage
            {
                Type = "event:servicerequests.request-filed", Subscriber = "opendata.live-311", Payload = "{}",
                Status = OutboxStatus.Dead, Attempts = 8, LastError = "dataset locked", CreatedAt = DateTimeOffset.UtcNow, AvailableAt = DateTimeOffset.UtcNow,
            });
            return await d.SaveChangesAsync();
        });
        var (admin, _) = await app.SignedInAdministratorAsync();

        var page = await admin.GetAsync("/Admin/Outbox");

        var row = Assert.Single(page.FindAll("table tbody tr"));
        Assert.Contains("opendata.live-311", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Subscriber", page.Find("table thead")!.TextContent, StringComparison.Ordinal);
    }
}
