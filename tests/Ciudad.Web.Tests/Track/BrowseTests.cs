using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Web.Tests.Track;

/// <summary>The public list, its filters, the map's markers, the Atom feed and "find by number".</summary>
public sealed class BrowseTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    // Points inside two of the configured areas.
    private const double FarEastLat = 31.70, FarEastLon = -106.25;
    private const double CentralLat = 31.7587, CentralLon = -106.4869;

    [Theory, BothDatabases]
    public async Task List_filters_by_service_status_and_area(TestDatabase db)
    {
        var app = await fixture.For(db);
        var farEastOpen = await app.CreateRequestAsync(At("sidewalk", FarEastLat, FarEastLon));
        var centralFixed = await app.CreateRequestAsync(At("sidewalk", CentralLat, CentralLon));
        var otherService = await app.CreateRequestAsync(At("park-maintenance", FarEastLat, FarEastLon));
        await app.PublishAsync(centralFixed, RequestStatus.Fixed);
        using var visitor = app.NewSession();

        var byArea = await visitor.GetAsync("/requests?service=sidewalk&area=far-east");
        var closed = await visitor.GetAsync("/requests?service=sidewalk&status=closed");
        var fixedOnly = await visitor.GetAsync("/requests?status=Fixed&area=central");
        var open = await visitor.GetAsync("/requests?service=sidewalk&status=open");

        Assert.Equal(HttpStatusCode.OK, byArea.StatusCode);
        Assert.Equal([farEastOpen.Number], Numbers(byArea).Intersect([farEastOpen.Number, centralFixed.Number, otherService.Number]));
        Assert.Equal([centralFixed.Number], Numbers(closed).Intersect([farEastOpen.Number, centralFixed.Number, otherService.Number]));
        Assert.Contains(centralFixed.Number, Numbers(fixedOnly));
        Assert.DoesNotContain(farEastOpen.Number, Numbers(fixedOnly));
        Assert.Contains(farEastOpen.Number, Numbers(open));
        Assert.DoesNotContain(centralFixed.Number, Numbers(open));
        Assert.Equal("sidewalk", byArea.Find("#Service option[selected]")!.GetAttribute("value"));
        Assert.Equal("far-east", byArea.Find("#Area option[selected]")!.GetAttribute("value"));
    }

    [Theory, BothDatabases]
    public async Task List_shows_the_last_90_days_by_default_and_any_date_range_in_city_days(TestDatabase db)
    {
        var app = await fixture.For(db);
        var old = await app.CreateRequestAsync(At("bus-stop", CentralLat, CentralLon));
        var recent = await app.CreateRequestAsync(At("bus-stop", CentralLat, CentralLon));
        var oldDay = await MoveRequestedAtAsync(app, old, daysAgo: 200);
        using var visitor = app.NewSession();

        var byDefault = await visitor.GetAsync("/requests?service=bus-stop");
        var thatDay = await visitor.GetAsync($"/requests?service=bus-stop&from={oldDay:yyyy-MM-dd}&to={oldDay:yyyy-MM-dd}");

        Assert.Contains(recent.Number, Numbers(byDefault));
        Assert.DoesNotContain(old.Number, Numbers(byDefault));
        Assert.Equal([old.Number], Numbers(thatDay));
    }

    [Theory, BothDatabases]
    public async Task Hidden_services_never_appear_and_sensitive_places_are_coarsened_in_list_and_map(TestDatabase db)
    {
        var app = await fixture.For(db);
        var bite = await app.CreateRequestAsync(r => r with
        {
            ServiceCode = "animal-bite",
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["bitten_at"] = ["2026-11-20T10:00:00-07:00"], ["animal_description"] = ["Brown dog"] },
        });
        var vehicle = await app.CreateRequestAsync(r => At("abandoned-vehicle", 31.76123, -106.48512)(r) with { Address = "999 Secret St" });
        using var visitor = app.NewSession();

        var all = await visitor.GetAsync("/requests");
        var biteFilter = await visitor.GetAsync("/requests?service=animal-bite");
        var vehicles = await visitor.GetAsync("/requests?service=abandoned-vehicle");
        using var markers = JsonDocument.Parse(await visitor.Client.GetStringAsync(new Uri("/requests/map.json?service=abandoned-vehicle", UriKind.Relative)));
        using var allMarkers = JsonDocument.Parse(await visitor.Client.GetStringAsync(new Uri("/requests/map.json", UriKind.Relative)));

        Assert.DoesNotContain(bite.Number, Numbers(all));
        Assert.Empty(Numbers(biteFilter));
        Assert.Null(biteFilter.Find("#Service option[value=animal-bite]"));
        Assert.DoesNotContain(RequestNumbers.Format(bite.Number), allMarkers.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(vehicle.Number, Numbers(vehicles));
        Assert.DoesNotContain("999 Secret St", vehicles.Html, StringComparison.Ordinal);
        Assert.Contains("Approximate location", vehicles.Text, StringComparison.Ordinal);
        var marker = markers.RootElement.EnumerateArray().Single(m => m.GetProperty("number").GetString() == RequestNumbers.Format(vehicle.Number));
        Assert.True(marker.GetProperty("approximate").GetBoolean());
        Assert.NotEqual(31.76123, marker.GetProperty("lat").GetDouble());
        Assert.NotEqual(-106.48512, marker.GetProperty("lon").GetDouble());
        Assert.Equal(RequestLinks.Track(vehicle.Number), marker.GetProperty("url").GetString());
    }

    [Theory, BothDatabases]
    public async Task Atom_feed_per_service_and_area_is_valid_atom_without_personal_data(TestDatabase db)
    {
        var app = await fixture.For(db);
        var email = TestPeople.UniqueEmail("feed");
        var first = await app.CreateRequestAsync(r => At("dead-animal", FarEastLat, FarEastLon)(r) with { Email = email, Name = "Feedy McReporter" });
        var second = await app.CreateRequestAsync(At("dead-animal", FarEastLat, FarEastLon));
        await app.CreateRequestAsync(At("dead-animal", CentralLat, CentralLon));
        await app.PublishAsync(first, RequestStatus.InProgress, "Crew on the way");
        using var visitor = app.NewSession();

        using var response = await visitor.Client.GetAsync(new Uri("/requests/feed.atom?service=dead-animal&area=far-east&lang=es", UriKind.Relative));
        var xml = await response.Content.ReadAsStringAsync();
        var feed = XDocument.Parse(xml).Root!;
        var list = await visitor.GetAsync("/requests?service=dead-animal&area=far-east");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("es", feed.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "id")!.Value));
        Assert.Contains("Animal muerto", feed.Element(Atom + "title")!.Value, StringComparison.OrdinalIgnoreCase);
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture, out _));
        Assert.Single(feed.Elements(Atom + "link"), l => l.Attribute("rel")?.Value == "self");
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.EndsWith(RequestLinks.Track(first.Number), entries[0].Element(Atom + "id")!.Value, StringComparison.Ordinal);
        Assert.EndsWith(RequestLinks.Track(second.Number), entries[1].Element(Atom + "id")!.Value, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.NotNull(e.Element(Atom + "title")));
        Assert.All(entries, e => Assert.NotNull(e.Element(Atom + "updated")));
        Assert.Contains("En proceso", entries[0].Element(Atom + "summary")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(email, xml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Feedy", xml, StringComparison.Ordinal);
        var alternate = list.Find("head link[rel=alternate][type='application/atom+xml']")!;
        Assert.Equal("/requests/feed.atom?service=dead-animal&area=far-east", alternate.GetAttribute("href"));
    }

    [Theory, BothDatabases]
    public async Task Find_by_number_goes_to_the_request_or_explains_on_the_same_page(TestDatabase db)
    {
        var app = await fixture.For(db);
        var request = await app.CreateRequestAsync();
        using var visitor = app.NewSession();
        var list = await visitor.GetAsync("/requests");
        var typed = " " + request.Display().ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) + " ";

        // A GET form, as the browser submits it (WebSession only posts).
        var form = list.Find("form[role=search]")!;
        var found = await visitor.GetAsync($"{form.GetAttribute("action")}?{form.QuerySelector("input")!.GetAttribute("name")}={Uri.EscapeDataString(typed)}");
        var unknown = await visitor.GetAsync("/requests?number=ZZZ-ZZZZ");
        var nonsense = await visitor.GetAsync("/requests?number=hello");

        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(RequestLinks.Track(request.Number), found.Url.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("311 requests", unknown.H1);
        Assert.Contains("We could not find request \"ZZZ-ZZZZ\"", unknown.Errors.Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
        Assert.Contains("is not a request number", nonsense.Errors.Single(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Dates_outside_the_calendar_are_a_400_naming_the_range_on_the_list_the_map_the_markers_and_the_feed(TestDatabase db)
    {
        var app = await fixture.For(db);
        var request = await app.CreateRequestAsync(At("bus-stop", CentralLat, CentralLon));
        using var visitor = app.NewSession("en");
        using var spanish = app.NewSession("es");

        var list = await visitor.GetAsync("/requests?service=bus-stop&to=9999-12-31");
        var map = await spanish.GetAsync("/requests/map?service=bus-stop&from=0001-01-01");
        using var markers = await visitor.Client.GetAsync(new Uri("/requests/map.json?to=9999-12-31", UriKind.Relative));
        using var feed = await visitor.Client.GetAsync(new Uri("/requests/feed.atom?from=0001-01-01&lang=es", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
        Assert.Equal(["Enter the last day as a date from 1900-01-01 to 9998-12-31"], list.Errors);
        Assert.Equal("9999-12-31", list.Find("#To")!.GetAttribute("value"));
        Assert.Contains(request.Number, Numbers(list)); // the rest of the filter still applies
        Assert.Equal(HttpStatusCode.BadRequest, map.StatusCode);
        Assert.Equal(["Escriba el primer día como una fecha entre 1900-01-01 y 9998-12-31"], map.Errors);
        Assert.Equal(HttpStatusCode.BadRequest, markers.StatusCode);
        Assert.Equal("“to” must be a date from 1900-01-01 to 9998-12-31 (yyyy-MM-dd).", await DetailAsync(markers));
        Assert.Equal(HttpStatusCode.BadRequest, feed.StatusCode);
        Assert.Equal("“from” debe ser una fecha entre 1900-01-01 y 9998-12-31 (aaaa-MM-dd).", await DetailAsync(feed));
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage problem)
    {
        using var json = JsonDocument.Parse(await problem.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("detail").GetString();
    }

    private static Func<TestRequest, TestRequest> At(string service, double lat, double lon) =>
        r => r with { ServiceCode = service, Latitude = lat, Longitude = lon, Answers = new Dictionary<string, IReadOnlyList<string>>() };

    private static List<string> Numbers(HtmlPage page) =>
        [.. page.FindAll("main table tbody th a").Select(a => RequestNumbers.Normalize(a.TextContent)!)];

    /// <summary>Moves a request's report time back and returns that day in the city.</summary>
    private static async Task<DateOnly> MoveRequestedAtAsync(CiudadApp app, ServiceRequest request, int daysAgo)
    {
        var when = DateTimeOffset.UtcNow.AddDays(-daysAgo);
        await app.WithDbAsync(d => d.Requests().Where(r => r.Id == request.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.RequestedAt, when)));
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(when, TimeZoneInfo.FindSystemTimeZoneById("America/Denver")).DateTime);
    }
}
