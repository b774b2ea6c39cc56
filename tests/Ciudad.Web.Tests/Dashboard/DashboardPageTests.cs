using System.Net;
using Ciudad.Platform.Data;
using Ciudad.Platform.Identity;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Workflow;
using Ciudad.Web.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Web.Tests.Dashboard;

/// <summary>The dashboard for months of 2002 that only these tests put requests in (one month per test).</summary>
public sealed class DashboardPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Period = "From=2002-05-01&To=2002-05-31";
    private const string OtherPeriod = "From=2002-06-01&To=2002-06-30";

    private static DateTimeOffset May(int day, int hour = 12) => new(2002, 5, day, hour, 0, 0, TimeSpan.Zero);
    private static DateTimeOffset June(int day, int hour = 12) => new(2002, 6, day, hour, 0, 0, TimeSpan.Zero);

    [Theory, BothDatabases]
    public async Task The_tables_show_the_numbers_of_the_requests_and_each_chart_is_an_image_named_by_its_caption(TestDatabase db)
    {
        var app = await fixture.For(db);
        await ShapeAsync(app, "pothole", May(30));                                              // open, 1–3 days old on 1 June
        await ShapeAsync(app, "pothole", May(2), closedAt: May(3), expectedAt: May(6));         // on time, 1 day
        await ShapeAsync(app, "pothole", May(2), closedAt: May(9), expectedAt: May(6));         // late, 7 days
        await ShapeAsync(app, "park-maintenance", May(10), closedAt: May(12), expectedAt: May(17));
        var (admin, _) = await app.SignedInAdministratorAsync();

        var page = await admin.GetAsync("/Staff/Dashboard?" + Period);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Service level dashboard", page.H1);
        Assert.Equal(["0", "1", "0", "0", "0", "1"], Cells(page, "department-heading", 0, "Streets and Maintenance"));
        Assert.Equal(["2", "1", "50%"], Cells(page, "department-heading", 1, "Streets and Maintenance"));
        Assert.Equal(["2", "4.0 days"], Cells(page, "department-heading", 2, "Streets and Maintenance"));
        Assert.Equal(["1", "1", "100%"], Cells(page, "department-heading", 1, "Parks and Recreation"));
        Assert.Equal(["2", "4.0 days"], Cells(page, "service-heading", 2, "Pothole"));

        var charts = page.FindAll("svg[role=img]");
        Assert.Equal(6, charts.Length);
        foreach (var chart in charts)
        {
            var caption = page.Find("#" + chart.GetAttribute("aria-labelledby"));
            Assert.NotNull(caption);
            Assert.StartsWith("Chart:", caption!.TextContent, StringComparison.Ordinal);
            Assert.Null(chart.GetAttribute("style"));
        }
        Assert.Contains(page.FindAll("svg rect title"), t => t.TextContent == "Streets and Maintenance: 1 open 1 to 3 days");
    }

    [Theory, BothDatabases]
    public async Task A_manager_sees_only_their_departments_in_Spanish_and_not_another_departments_numbers(TestDatabase db)
    {
        var app = await fixture.For(db);
        await ShapeAsync(app, "pothole", June(20), closedAt: June(21), expectedAt: June(22));
        await ShapeAsync(app, "park-maintenance", June(20), closedAt: June(23), expectedAt: June(22));
        var manager = await app.CreateStaffAsync(StaffRoles.DepartmentManager, "streets-and-maintenance", culture: "es");
        using var session = app.NewSession("es");
        await session.SignInAsync(manager);

        var page = await session.GetAsync("/Staff/Dashboard?" + OtherPeriod);

        Assert.Equal("Panel de niveles de servicio", page.H1);
        var departments = page.Find("#department-heading")!.ParentElement!.QuerySelectorAll("table")[0].QuerySelectorAll("tbody th");
        Assert.Equal(["Calles y Mantenimiento"], departments.Select(d => d.TextContent.Trim()));
        Assert.Equal(["1", "1", "100 %"], Cells(page, "department-heading", 1, "Calles y Mantenimiento"));
        Assert.DoesNotContain("Mantenimiento de parque", page.Find("#service-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Calles y Mantenimiento"], page.FindAll("#Department option[value]:not([value=''])").Select(o => o.TextContent));

        var parks = await app.DepartmentIdAsync("parks-and-recreation");
        var other = await session.Client.GetAsync(new Uri($"/Staff/Dashboard?{OtherPeriod}&Department={parks}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_period_that_ends_before_it_starts_is_refused_with_400_and_a_message(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();

        var page = await admin.GetAsync("/Staff/Dashboard?From=2002-06-01&To=2002-05-01");
        var garbled = await admin.GetAsync("/Staff/Dashboard?From=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(["The first day must be on or before the last day"], page.Errors);
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Equal(["Enter the first day as a real date, like 2026-11-01"], garbled.Errors);
        Assert.Empty(page.FindAll("svg"));
    }

    [Theory, BothDatabases]
    public async Task Days_outside_the_calendar_are_refused_with_400_and_the_allowed_range(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();

        var lastDay = await admin.GetAsync("/Staff/Dashboard?To=9999-12-31");
        var firstDay = await admin.GetAsync("/Staff/Dashboard?From=0001-01-01&To=0001-01-01");

        Assert.Equal(HttpStatusCode.BadRequest, lastDay.StatusCode);
        Assert.Equal(["Enter the last day as a date from 1900-01-01 to 9998-12-31"], lastDay.Errors);
        Assert.Equal(HttpStatusCode.BadRequest, firstDay.StatusCode);
        Assert.Equal(["Enter the first day as a date from 1900-01-01 to 9998-12-31", "Enter the last day as a date from 1900-01-01 to 9998-12-31"], firstDay.Errors.Order());
    }

    [Theory, BothDatabases]
    public async Task Staff_home_links_to_the_dashboard_and_the_default_is_the_last_30_days(TestDatabase db)
    {
        var app = await fixture.For(db);
        var agent = await app.CreateStaffAsync(StaffRoles.Agent, "streets-and-maintenance");
        using var session = app.NewSession("en");
        await session.SignInAsync(agent);

        var home = await session.GetAsync("/Staff");
        var link = home.Find("main a[href='/Staff/Dashboard']");
        Assert.NotNull(link);
        var page = await session.GetAsync("/Staff/Dashboard");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var from = DateOnly.ParseExact(page.Find("#From")!.GetAttribute("value")!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = DateOnly.ParseExact(page.Find("#To")!.GetAttribute("value")!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(29, to.DayNumber - from.DayNumber);
    }

    /// <summary>The cells after the row header of <paramref name="rowName"/> in the n-th table of a section.</summary>
    private static string[] Cells(HtmlPage page, string sectionHeadingId, int table, string rowName)
    {
        var section = page.Find("#" + sectionHeadingId)!.ParentElement!;
        var row = section.QuerySelectorAll("table")[table].QuerySelectorAll("tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent.Trim() == rowName);
        return [.. row.QuerySelectorAll("td").Select(c => c.TextContent.Trim())];
    }

    /// <summary>A request received at <paramref name="requestedAt"/>, closed through the real workflow if asked, then moved to the wanted times.</summary>
    private static async Task ShapeAsync(CiudadApp app, string serviceCode, DateTimeOffset requestedAt, DateTimeOffset? closedAt = null, DateTimeOffset? expectedAt = null)
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
                updates.Publish(loaded, RequestStatus.Fixed, null, RequestEventKind.StatusChanged, null, "Test");
                await sp.GetRequiredService<CiudadDbContext>().SaveChangesAsync();
            });
        }
        await app.WithDbAsync(d => d.Requests().Where(r => r.Id == request.Id).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.RequestedAt, requestedAt)
            .SetProperty(x => x.ClosedAt, closedAt)
            .SetProperty(x => x.ExpectedAt, expectedAt)));
    }
}
