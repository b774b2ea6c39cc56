using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ciudad.ServiceRequests.Tests.Sla;

/// <summary>The job as it runs in production: on its own, every check interval, on the app's clock.</summary>
public sealed class SlaMonitorScheduleTests
{
    [Theory, BothDatabases]
    public async Task The_running_job_flags_a_request_once_the_clock_passes_its_due_time(TestDatabase db)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await CiudadApp.StartAsync(db,
            new Dictionary<string, string?> { ["Ciudad:ServiceRequests:SlaCheckInterval"] = "00:01:00", ["Ciudad:ServiceRequests:SlaMonitorEnabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(clock));
        var request = await app.CreateRequestAsync();
        var due = clock.GetUtcNow().AddMinutes(30);
        await SlaMonitorTests.SetDueAsync(app, request.Id, due);

        clock.Advance(TimeSpan.FromMinutes(20));
        await Task.Delay(300);
        Assert.Null(await BreachedAtAsync(app, request.Id));

        DateTimeOffset? breachedAt = null;
        for (var step = 0; step < 100 && breachedAt is null; step++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(100);
            breachedAt = await BreachedAtAsync(app, request.Id);
        }

        Assert.NotNull(breachedAt);
        Assert.True(breachedAt >= due);
        Assert.Single(await SlaMonitorTests.BreachEventsAsync(app, request.Id));
    }

    private static Task<DateTimeOffset?> BreachedAtAsync(CiudadApp app, long id) =>
        app.WithDbAsync(d => d.Requests().Where(r => r.Id == id).Select(r => r.SlaBreachedAt).SingleAsync());
}
