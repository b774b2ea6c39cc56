using System.Net;
using Ciudad.ServiceRequests.Requests;

namespace Ciudad.Web.Tests.Track;

/// <summary>"My requests": a signed-in resident's own reports and the requests they follow, nobody else's.</summary>
public sealed class MyRequestsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Lists_own_and_followed_requests_newest_first_and_not_other_peoples(TestDatabase db)
    {
        var app = await fixture.For(db);
        var resident = await app.CreateResidentAsync();
        var other = await app.CreateResidentAsync();
        var mine = await app.CreateRequestAsync(r => r with { ReporterUserId = resident.Id });
        var theirs = await app.CreateRequestAsync(r => r with { ReporterUserId = other.Id });
        var followed = await app.CreateRequestAsync(r => r with { ReporterUserId = other.Id });
        await app.PublishAsync(mine, RequestStatus.InProgress);
        using var session = app.NewSession();
        await session.SignInAsync(resident);
        var track = await session.GetAsync(RequestLinks.Track(followed.Number));
        await session.SubmitAsync(track, buttonText: "Follow this request");

        var page = await session.GetAsync("/requests/mine");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("My requests", page.H1);
        var rows = page.FindAll("main table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(followed.Display(), rows[0], StringComparison.Ordinal);
        Assert.Contains("You follow it", rows[0], StringComparison.Ordinal);
        Assert.Contains(mine.Display(), rows[1], StringComparison.Ordinal);
        Assert.Contains("You reported it", rows[1], StringComparison.Ordinal);
        Assert.Contains("In progress", rows[1], StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Display(), page.Html, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Empty_state_says_how_to_report_in_the_residents_language(TestDatabase db)
    {
        var app = await fixture.For(db);
        var resident = await app.CreateResidentAsync(culture: "es");
        using var session = app.NewSession();
        await session.SignInAsync(resident);

        var page = await session.GetAsync("/requests/mine");
        var account = await session.GetAsync("/Account/Manage");

        Assert.Equal("Mis solicitudes", page.H1);
        Assert.Contains("Todavía no tiene solicitudes", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Find("main a[href='/report']"));
        Assert.NotNull(account.Find("main nav a[href='/requests/mine']"));
    }

    [Fact]
    public async Task Visitors_are_asked_to_sign_in()
    {
        var app = await fixture.For(TestDatabase.Sqlite);

        var page = await app.NewSession().GetAsync("/requests/mine");

        Assert.Equal("/Account/Login", page.Url.AbsolutePath);
    }
}
