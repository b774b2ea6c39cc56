using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Sla;
using Ciudad.ServiceRequests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Tests.Sla;

/// <summary>
/// The dashboard's numbers for March 2001 in El Paso: a period no other test or demo data touches,
/// so every request in it is one this test shaped.
/// </summary>
public sealed class DashboardQueriesTests(SlaAppFixture fixture) : IClassFixture<SlaAppFixture>
{
    private static readonly DateOnly From = new(2001, 3, 1);
    private static readonly DateOnly To = new(2001, 3, 31);

    /// <summary>Midnight after 31 March 2001 in El Paso (MST, UTC−7): when the backlog is measured.</summary>
    private static readonly DateTimeOffset AsOf = new(2001, 4, 1, 7, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset March(int day, int hour = 12) => new(2001, 3, day, hour, 0, 0, TimeSpan.Zero);

    [Theory, BothDatabases]
    public async Task Backlog_on_time_share_and_median_are_counted_by_department_service_and_in_total(TestDatabase db)
    {
        var app = await fixture.For(db);
        // Open at the end of March: under a day, 1–3 days, over 30 days, and one closed only in April (3–7 days).
        await ShapeAsync(app, "pothole", AsOf.AddHours(-2));
        await ShapeAsync(app, "pothole", AsOf.AddDays(-2));
        await ShapeAsync(app, "pothole", AsOf.AddDays(-40));
        await ShapeAsync(app, "pothole", March(25), closedAt: AsOf.AddDays(2));
        // Closed in March: on time (1 day), late (3 days), without a target (4 days), and a merged duplicate.
        await ShapeAsync(app, "pothole", March(10), closedAt: March(11), expectedAt: March(12));
        await ShapeAsync(app, "pothole", March(10), closedAt: March(13), expectedAt: March(12));
        await ShapeAsync(app, "pothole", March(1), closedAt: March(5));
        await ShapeAsync(app, "pothole", March(2), closedAt: March(2, 13), expectedAt: March(9), status: RequestStatus.Duplicate);
        // Another department: closed on time in 2 days.
        await ShapeAsync(app, "park-maintenance", March(20), closedAt: March(22), expectedAt: March(27));
        var streets = await app.DepartmentIdAsync("streets-and-maintenance");
        var parks = await app.DepartmentIdAsync("parks-and-recreation");

        var report = await RunAsync(app, null);

        Assert.Equal(AsOf, report.AsOf);
        var street = Assert.Single(report.ByDepartment, r => r.Id == streets);
        Assert.Equal([1, 1, 1, 0, 1], street.Backlog);
        Assert.Equal(3, street.Closed);
        Assert.Equal(2, street.ClosedWithTarget);
        Assert.Equal(1, street.ClosedOnTime);
        Assert.Equal(50, street.OnTimePercent);
        Assert.Equal(TimeSpan.FromDays(3), street.MedianToClose);
        var park = Assert.Single(report.ByDepartment, r => r.Id == parks);
        Assert.Equal(0, park.BacklogTotal);
        Assert.Equal(100, park.OnTimePercent);
        Assert.Equal(TimeSpan.FromDays(2), park.MedianToClose);
        var pothole = Assert.Single(report.ByService, r => r.Name("en") == "Pothole");
        Assert.Equal(street.Backlog, pothole.Backlog);
        Assert.Equal(street.MedianToClose, pothole.MedianToClose);
        Assert.Equal(4, report.Total.BacklogTotal);
        Assert.Equal(4, report.Total.Closed);
        Assert.Equal(TimeSpan.FromDays(2.5), report.Total.MedianToClose); // 1, 2, 3 and 4 days

        var streetsOnly = await RunAsync(app, [streets]);
        Assert.Equal(streets, Assert.Single(streetsOnly.ByDepartment).Id);
        Assert.DoesNotContain(streetsOnly.ByService, r => r.Name("en") == "Park maintenance");
        Assert.Equal(3, streetsOnly.Total.Closed);
        Assert.Equal(TimeSpan.FromDays(3), streetsOnly.Total.MedianToClose);
    }

    private static Task<DashboardReport> RunAsync(CiudadApp app, IReadOnlyCollection<int>? departments) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<DashboardQueries>().RunAsync(From, To, departments));

    /// <summary>
    /// A request of <paramref name="serviceCode"/> received at <paramref name="requestedAt"/>; closed
    /// through the real workflow when <paramref name="closedAt"/> is given, then moved to the wanted times.
    /// </summary>
    private static async Task ShapeAsync(CiudadApp app, string serviceCode, DateTimeOffset requestedAt,
        DateTimeOffset? closedAt = null, DateTimeOffset? expectedAt = null, RequestStatus status = RequestStatus.Fixed)
    {
        var request = await app.CreateRequestAsync(r => r with
        {
            ServiceCode = serviceCode,
            Answers = serviceCode == "pothole" ? r.Answers : new Dictionary<string, IReadOnlyList<string>>(),
        });
        if (closedAt is not null)
        {
            await app.WithServicesAsync(async sp =>
            {
                var updates = sp.GetRequiredService<RequestUpdates>();
                var loaded = (await updates.LoadAsync(request.Id))!;
                updates.Publish(loaded, status, null, RequestEventKind.StatusChanged, null, "Test");
                await sp.GetRequiredService<CiudadDbContext>().SaveChangesAsync();
            });
        }
        await app.WithDbAsync(d => d.Requests().Where(r => r.Id == request.Id).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.RequestedAt, requestedAt)
            .SetProperty(x => x.ClosedAt, closedAt)
            .SetProperty(x => x.ExpectedAt, expectedAt)));
    }
}
