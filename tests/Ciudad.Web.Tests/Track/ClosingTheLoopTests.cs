using Ciudad.Platform.Identity;
using Ciudad.ServiceRequests.Requests;
using Ciudad.Web.Tests.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Web.Tests.Track;

/// <summary>
/// After a request closes: the reporter's email leads back in ("not fixed?"), and a reopening
/// reaches the department in its staff's language. A class of its own: it gives a department
/// Spanish-speaking staff, which would change what other tests' department emails read.
/// </summary>
public sealed class ClosingTheLoopTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task The_fixed_email_to_the_reporter_carries_the_reopen_link_and_followers_get_none(TestDatabase db)
    {
        var app = await fixture.For(db);
        var reporter = TestPeople.UniqueEmail("reporter");
        var neighbour = TestPeople.UniqueEmail("neighbour");
        var request = await app.CreateRequestAsync(r => r with { Email = reporter, Culture = "es" });
        await app.FollowConfirmedAsync(request, neighbour);

        await app.PublishAsync(request, RequestStatus.Fixed, "Bacheado.");

        var reopenLink = RequestLinks.Track(request.Number) + "/reopen";
        var toReporter = await app.Mailbox.WaitForAsync(reporter, m => (m.Subject ?? "").Contains("Cerrada", StringComparison.Ordinal));
        Assert.Contains(reopenLink, toReporter.TextBody, StringComparison.Ordinal);
        Assert.Contains("¿No está resuelto?", toReporter.TextBody, StringComparison.Ordinal);
        var toNeighbour = await app.Mailbox.WaitForAsync(neighbour, m => (m.Subject ?? "").Contains(request.Display(), StringComparison.Ordinal));
        Assert.DoesNotContain(reopenLink, toNeighbour.TextBody, StringComparison.Ordinal);
        // The page says until when, in Spanish with one full stop after "p. m." (or "a. m.").
        var spanishPage = await app.NewSession("es-MX").GetAsync(RequestLinks.Track(request.Number));
        var deadline = spanishPage.Find("section[aria-labelledby=fixed-heading] p")!.TextContent.Trim();
        Assert.EndsWith("m.", deadline, StringComparison.Ordinal);
        Assert.DoesNotContain("..", deadline, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_reopening_reaches_the_department_in_the_language_its_staff_read(TestDatabase db)
    {
        var app = await fixture.For(db);
        for (var i = 0; i < 3; i++)
        {
            await app.CreateStaffAsync(StaffRoles.Agent, "streets-and-maintenance", enrolMfa: false, culture: "es");
        }
        var reporter = await app.CreateResidentAsync();
        var request = await app.CreateRequestAsync(r => r with { ReporterUserId = reporter.Id, Email = reporter.Email });
        await app.PublishAsync(request, RequestStatus.Fixed);
        using var session = app.NewSession();
        await session.SignInAsync(reporter);
        var form = await session.GetAsync(RequestLinks.Track(request.Number) + "/reopen");

        await session.SubmitAsync(form, new Dictionary<string, string> { ["Note.Text"] = "Sigue el hoyo." });

        var department = await app.WithDbAsync(d => d.Departments.Where(x => x.Slug == "streets-and-maintenance").Select(x => x.ContactEmail).SingleAsync());
        var mail = await app.Mailbox.WaitForAsync(department, m => (m.Subject ?? "").Contains(request.Display(), StringComparison.Ordinal));
        Assert.StartsWith("Reabierta por quien la reportó", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Bache", mail.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "We could not find that request", "Find request")]
    [InlineData("es-MX", "No encontramos esa solicitud", "Buscar solicitud")]
    public async Task An_unknown_request_number_gets_a_page_that_says_so_and_offers_the_search(string language, string heading, string button)
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var unknown = RequestNumbers.New();

        var page = await app.NewSession(language).GetAsync(RequestLinks.Track(unknown));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(heading, page.H1);
        var search = page.Find("main form[role=search][action='/requests']");
        Assert.NotNull(search);
        Assert.Equal(unknown, search!.QuerySelector("input[name=Number]")!.GetAttribute("value"));
        Assert.Contains(button, search.TextContent, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Staff_start_with_response_templates_in_both_languages(TestDatabase db)
    {
        var app = await fixture.For(db);
        var spanish = await app.PotholeAsync(TriageKit.Marker(), TestPeople.UniqueEmail("es"), culture: "es");
        var (session, _) = await app.StaffAsync();

        var page = await session.GetAsync(TriageKit.RequestUrl(spanish));
        var link = page.FindAll("#update ~ ul a").Single(a => a.TextContent == "Work scheduled").GetAttribute("href")!;
        var prefilled = await session.GetAsync(link);

        Assert.Equal("Programamos el trabajo. Nuestra cuadrilla se encargará en los próximos días.", prefilled.Find("#Update-Note")!.TextContent);
        Assert.Equal(nameof(RequestStatus.ActionScheduled), prefilled.Find("#Update-Status option[selected]")!.GetAttribute("value"));
    }

    [Theory, BothDatabases]
    public async Task Staff_are_warned_when_followers_read_another_language_than_the_note_is_written_for(TestDatabase db)
    {
        var app = await fixture.For(db);
        var request = await app.PotholeAsync(TriageKit.Marker(), TestPeople.UniqueEmail("en"));
        var (session, _) = await app.StaffAsync();
        var before = await session.GetAsync(TriageKit.RequestUrl(request));
        await app.FollowConfirmedAsync(request, TestPeople.UniqueEmail("vecina"), "es");

        var after = await session.GetAsync(TriageKit.RequestUrl(request));

        Assert.Null(before.Find(".ciudad-followers-language"));
        Assert.Contains("Some followers read Spanish", after.Find(".ciudad-followers-language")!.TextContent, StringComparison.Ordinal);
    }
}
