using System.Net;
using System.Text.Json;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Addresses;
using Ciudad.ServiceRequests.Requests;
using Ciudad.Web.Tests.Triage;
using Microsoft.EntityFrameworkCore;
using static Ciudad.Testing.AddressTestData;

namespace Ciudad.Web.Tests.Report;

/// <summary>
/// A resident without the map (no JavaScript) gives only an address: the report is placed at the
/// city's address point, checked for duplicates there, and shown on the public map; what cannot be
/// placed is listed for staff.
/// </summary>
public sealed class AddressOnlyReportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly Point Montana2100 = new("2100", "Montana Ave", "79903", 31.7700, -106.4650);

    [Theory, BothDatabases]
    public async Task An_address_only_report_meets_nearby_duplicates_and_appears_on_the_public_map_at_its_address(TestDatabase db)
    {
        var app = await fixture.For(db);
        await app.ImportAddressesAsync(Montana2100);
        var existing = await app.CreateRequestAsync(r => r with
        {
            ServiceCode = "graffiti",
            Latitude = Montana2100.Latitude + 0.0003, // about 33 m away
            Longitude = Montana2100.Longitude,
            Description = "Tagging on the bus shelter",
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["surface"] = ["wall"] },
        });
        using var resident = app.NewSession("en-US");
        var location = await resident.GetAsync("/report/location?service=graffiti");

        var nearby = await resident.SubmitAsync(location, new Dictionary<string, string> { ["Input.Address"] = "2100 Montana Avenue" });

        Assert.Equal("/report/nearby", nearby.Url.AbsolutePath);
        Assert.Contains("Request " + RequestNumbers.Format(existing.Number), nearby.Text, StringComparison.Ordinal);
        var details = await resident.GetAsync("/report/details");
        var contact = await resident.SubmitMultipartAsync(details, [new("Input.Description", "More tagging on the wall"), new("Input.Answers[surface]", "wall")], []);
        var check = await resident.SubmitAsync(contact, new Dictionary<string, string>());
        var confirmation = await resident.SubmitAsync(check);
        var number = RequestNumbers.Normalize(confirmation.Find(".ciudad-request-number")!.TextContent)!;

        var stored = await app.WithDbAsync(d => d.Requests().AsNoTracking().SingleAsync(r => r.Number == number));
        Assert.Equal("2100 Montana Avenue", stored.Address);
        Assert.Equal((Montana2100.Latitude, Montana2100.Longitude), (stored.Latitude, stored.Longitude));
        Assert.Equal(AddressMatch.Exact, stored.AddressMatch);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var markers = JsonDocument.Parse(await client.GetStringAsync("/requests/map.json"));
        var marker = markers.RootElement.EnumerateArray().Single(m => m.GetProperty("url").GetString() == RequestLinks.Track(number));
        Assert.Equal(Montana2100.Longitude, marker.GetProperty("lon").GetDouble());
        Assert.Equal("exact", marker.GetProperty("placedFromAddress").GetString());
        var track = await resident.GetAsync(RequestLinks.Track(number));
        Assert.Contains("Placed on the map from the address given.", track.Text, StringComparison.Ordinal);
        Assert.NotNull(track.Find("[data-request-map]"));
    }

    [Theory, BothDatabases]
    public async Task A_dropped_pin_is_named_by_the_nearest_address_on_the_check_page(TestDatabase db)
    {
        var app = await fixture.For(db);
        await app.ImportAddressesAsync(new Point("2500", "Montana Ave", "79903", 31.7720, -106.4500));
        using var resident = app.NewSession("es-MX");
        var location = await resident.GetAsync("/report/location?service=graffiti");

        var details = await resident.SubmitAsync(location, new Dictionary<string, string>
        {
            ["Input.Latitude"] = "31.77203", // about 3 m from the address point
            ["Input.Longitude"] = "-106.45001",
        });
        var contact = await resident.SubmitMultipartAsync(details, [new("Input.Answers[surface]", "fence")], []);
        var check = await resident.SubmitAsync(contact, new Dictionary<string, string>());

        Assert.Contains("Dirección más cercana: 2500 Montana Ave", check.Text, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Staff_see_the_open_reports_whose_address_could_not_be_placed(TestDatabase db)
    {
        var app = await fixture.For(db);
        var lost = await app.CreateRequestAsync(r => r with { Latitude = null, Longitude = null, Address = "Behind the old mill on Zaragoza" });
        var placed = await app.CreateRequestAsync();
        var (agent, _) = await app.StaffAsync();
        var (spanish, _) = await app.StaffAsync(culture: "es");

        var page = await agent.GetAsync("/Staff/Requests/Unmatched");
        var pagina = await spanish.GetAsync("/Staff/Requests/Unmatched");
        var staffHome = await agent.GetAsync("/Staff");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Reports without a map location", page.H1);
        Assert.NotNull(page.Find($"a[href='/Staff/Requests/{lost.Number}']"));
        Assert.Contains("Behind the old mill on Zaragoza", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Find($"a[href='/Staff/Requests/{placed.Number}']"));
        Assert.Equal("Reportes sin ubicación en el mapa", pagina.H1);
        Assert.NotNull(staffHome.Find("a[href='/Staff/Requests/Unmatched']"));
    }
}
