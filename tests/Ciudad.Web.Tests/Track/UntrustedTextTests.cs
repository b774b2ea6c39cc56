using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Ciudad.Web.Tests.Admin;
using Ciudad.Web.Tests.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Web.Tests.Track;

/// <summary>
/// Text nobody meant to type (U+FFFF, controls, right-to-left overrides) is dropped at intake on every
/// channel, every XML output survives it anyway, and people's text is shown direction-isolated.
/// </summary>
public sealed class UntrustedTextTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Hostile = "\uFFFF\u0001\u202E\uFDD0";

    [Theory, BothDatabases]
    public async Task A_report_with_noncharacters_is_cleaned_at_intake_and_the_feeds_stay_valid(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = TriageKit.Marker();
        var request = await app.CreateRequestAsync(r => r with
        {
            ServiceCode = "dead-animal",
            Address = $"100 N Oregon{Hostile} St {marker}",
            Description = $"Out{Hostile} again",
            Answers = new Dictionary<string, IReadOnlyList<string>>(),
        });
        using var visitor = app.NewSession();

        var stored = await app.WithDbAsync(d => d.Requests().AsNoTracking().SingleAsync(r => r.Id == request.Id));
        var byService = await FeedAsync(visitor, "/requests/feed.atom?service=dead-animal");
        var cityWide = await FeedAsync(visitor, "/requests/feed.atom");

        Assert.Equal($"100 N Oregon St {marker}", stored.Address);
        Assert.Equal("Out again", stored.Description);
        Assert.Contains(marker, byService.ToString(), StringComparison.Ordinal);
        Assert.Contains(marker, cityWide.ToString(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Text_stored_before_cleaning_existed_cannot_break_a_feed(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = TriageKit.Marker();
        var request = await app.CreateRequestAsync(r => r with { ServiceCode = "dead-animal", Answers = new Dictionary<string, IReadOnlyList<string>>() });
        // As an older version stored it: straight into the row, past today's intake.
        await app.WithDbAsync(d => d.Requests().Where(r => r.Id == request.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Address, $"Mesa\uFFFF{marker}\u0001")));
        using var visitor = app.NewSession();

        var byService = await FeedAsync(visitor, "/requests/feed.atom?service=dead-animal");
        var cityWide = await FeedAsync(visitor, "/requests/feed.atom");

        Assert.Contains("Mesa" + marker, byService.ToString(), StringComparison.Ordinal);
        Assert.Contains("Mesa" + marker, cityWide.ToString(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Reflected_control_and_noncharacters_in_the_query_answer_a_feed_or_a_list_not_a_failure(TestDatabase db)
    {
        var app = await fixture.For(db);
        using var visitor = app.NewSession();

        foreach (var query in new[] { "service=%EF%BF%BF", "area=x%00", "service=%01", "area=%E2%80%AE", "status=%EF%BF%BE" })
        {
            await FeedAsync(visitor, "/requests/feed.atom?" + query);
            var list = await visitor.GetAsync("/requests?" + query);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            using var markers = await visitor.Client.GetAsync(new Uri("/requests/map.json?" + query, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, markers.StatusCode);
        }
    }

    [Theory, BothDatabases]
    public async Task Notes_published_on_a_request_are_cleaned_whoever_writes_them(TestDatabase db)
    {
        var app = await fixture.For(db);
        var request = await app.CreateRequestAsync();

        await app.PublishAsync(request, RequestStatus.InProgress, $"Crew{Hostile} booked");

        var stored = await app.ReloadAsync(request);
        Assert.Equal("Crew booked", stored.StatusNotes);
        Assert.Contains(stored.Events, e => e.Note == "Crew booked");
        using var visitor = app.NewSession();
        await FeedAsync(visitor, "/requests/feed.atom");
    }

    [Theory, BothDatabases]
    public async Task Peoples_text_is_direction_isolated_on_public_staff_and_audit_pages(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = TriageKit.Marker();
        var request = await app.CreateRequestAsync(r => r with { Description = $"Hole {marker}" });
        // An override stored before intake stripped them: the pages must still contain it.
        var address = $"\u202Eevil.exe {marker}";
        var note = $"\u202Enote {marker}";
        await app.WithDbAsync(d => d.Requests().Where(r => r.Id == request.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Address, address).SetProperty(r => r.Description, $"\u202Edesc {marker}")));
        await app.AddInternalNoteAsync(request, note);
        await app.WithServicesAsync(async sp =>
        {
            sp.GetRequiredService<AuditLog>().Record("test.bidi", "Test", marker, null, new { Note = note });
            return await sp.GetRequiredService<CiudadDbContext>().SaveChangesAsync();
        });
        await app.WithDbAsync(d => d.RequestEvents().Where(e => e.RequestId == request.Id && e.Kind == RequestEventKind.Received)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Note, note)));
        using var visitor = app.NewSession();
        var (staff, _) = await app.StaffAsync();
        var (admin, _) = await app.SignedInAdministratorAsync();

        var list = await visitor.GetAsync($"/requests?service=pothole");
        var map = await visitor.GetAsync($"/requests/map?service=pothole");
        var track = await visitor.GetAsync(RequestLinks.Track(request.Number));
        var queue = await staff.GetAsync($"/Staff/Requests?q={marker}");
        var details = await staff.GetAsync(TriageKit.RequestUrl(request));
        var auditPage = await admin.GetAsync($"/Admin/Audit?action=test.bidi");

        AssertIsolated(list, "evil.exe " + marker);
        AssertIsolated(map, "evil.exe " + marker);
        AssertIsolated(track, "evil.exe " + marker);
        AssertIsolated(track, "desc " + marker);
        AssertIsolated(track, "note " + marker);
        AssertIsolated(queue, "evil.exe " + marker);
        AssertIsolated(details, "evil.exe " + marker);
        AssertIsolated(details, "desc " + marker);
        AssertIsolated(details, "note " + marker);
        AssertIsolated(auditPage, "note " + marker);
    }

    /// <summary>Every element whose own text holds <paramref name="text"/> sits in a &lt;bdi&gt; or an element with dir.</summary>
    private static void AssertIsolated(HtmlPage page, string text)
    {
        var holders = page.Document.All
            .Where(e => e.ChildNodes.OfType<IText>().Any(t => t.Data.Contains(text, StringComparison.Ordinal)))
            .ToList();
        Assert.True(holders.Count > 0, $"\"{text}\" not on {page}");
        foreach (var holder in holders)
        {
            var isolated = holder.AncestorsAndSelf().TakeWhile(e => e.LocalName is not ("body" or "table" or "ol" or "ul"))
                .Any(e => e.LocalName == "bdi" || e.HasAttribute("dir"));
            Assert.True(isolated, $"\"{text}\" is not direction-isolated in <{holder.LocalName}> on {page}: {holder.OuterHtml}");
        }
    }

    private static async Task<XElement> FeedAsync(WebSession visitor, string path)
    {
        using var response = await visitor.Client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
        return XDocument.Parse(body).Root!; // throws on anything that is not well-formed XML
    }
}

internal static class ElementAncestry
{
    public static IEnumerable<IElement> AncestorsAndSelf(this IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            yield return e;
        }
    }
}
