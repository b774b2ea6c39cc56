using System.Globalization;
using System.Net;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary><c>GET requests</c> and <c>requests/{id}</c>: shapes, every filter, privacy.</summary>
public sealed class RequestReadTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string[] RecordFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];

    [Theory, BothDatabases]
    public async Task The_list_and_a_single_request_have_the_specs_shape_in_both_formats(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = Open311Data.Marker();
        var request = await app.CreateRequestAsync(r => r with { Description = $"Pothole {marker}", Email = TestPeople.UniqueEmail(), Name = "Private Person" });

        var json = await app.Open311GetAsync($"/requests.json?q={marker}");
        var xml = await app.Open311GetAsync($"/requests.xml?q={marker}");
        var singleJson = await app.Open311GetAsync($"/requests/{request.Number}.json");
        var singleXml = await app.Open311GetAsync($"/requests/{RequestNumbers.Format(request.Number).ToLowerInvariant()}.xml");

        json.AssertWellFormed("json");
        Open311Schemas.AssertValid("requests.json", json.Body);
        var record = Assert.Single(json.Json.EnumerateArray());
        Assert.Equal(RecordFields, record.EnumerateObject().Select(p => p.Name));
        Assert.Equal(request.Number, record.GetProperty("service_request_id").GetString());
        Assert.Equal("open", record.GetProperty("status").GetString());
        Assert.Equal("Streets and Maintenance", record.GetProperty("agency_responsible").GetString());
        Assert.Equal(ServiceRequestData.CityHallLatitude, record.GetProperty("lat").GetDouble());
        var requested = DateTimeOffset.Parse(record.GetProperty("requested_datetime").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(request.RequestedAt.ToUnixTimeSeconds(), requested.ToUnixTimeSeconds());
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("America/Denver").GetUtcOffset(request.RequestedAt), requested.Offset);
        Assert.Equal(request.ExpectedAt!.Value.ToUnixTimeSeconds(), DateTimeOffset.Parse(record.GetProperty("expected_datetime").GetString()!, CultureInfo.InvariantCulture).ToUnixTimeSeconds());
        Assert.DoesNotContain("Private Person", json.Body, StringComparison.Ordinal);

        xml.AssertWellFormed("xml");
        Assert.Equal(RecordFields, xml.Xml.Root!.Element("request")!.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(request.Number, Assert.Single(singleJson.Ids()));
        Open311Schemas.AssertValid("requests.json", singleJson.Body);
        Assert.Equal(request.Number, Assert.Single(singleXml.Requests("xml"))["service_request_id"]);
    }

    [Theory, BothDatabases]
    public async Task In_spanish_the_list_and_a_single_request_name_the_service_and_department_in_spanish(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = Open311Data.Marker();
        var request = await app.CreateRequestAsync(r => r with { Description = $"Pothole {marker}" });

        // The names are read in the caller's language inside the query (no JSON parsed per row).
        var list = await app.Open311GetAsync($"/requests.json?q={marker}&locale=es");
        var single = await app.Open311GetAsync($"/requests/{request.Number}.xml?locale=es");

        var record = Assert.Single(list.Json.EnumerateArray());
        Assert.Equal(("Bache", "Calles y Mantenimiento"), (record.GetProperty("service_name").GetString(), record.GetProperty("agency_responsible").GetString()));
        var element = Assert.Single(single.Requests("xml"));
        Assert.Equal(("Bache", "Calles y Mantenimiento"), (element["service_name"], element["agency_responsible"]));
    }

    [Theory, BothDatabases]
    public async Task Unknown_request_ids_are_404_in_both_formats(TestDatabase db)
    {
        var app = await fixture.For(db);

        foreach (var format in new[] { "xml", "json" })
        {
            (await app.Open311GetAsync($"/requests/ZZZZZZZ.{format}")).AssertErrors(format, HttpStatusCode.NotFound);
            (await app.Open311GetAsync($"/requests/not-a-number.{format}")).AssertErrors(format, HttpStatusCode.NotFound);
        }
    }

    [Theory, BothDatabases]
    public async Task Service_code_status_and_a_service_request_id_list_that_overrides_them(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = Open311Data.Marker();
        var pothole = await app.CreateRequestAsync(r => r with { Description = marker });
        var graffiti = await app.CreateRequestAsync(r => r with { ServiceCode = "graffiti", Description = marker, Answers = new Dictionary<string, IReadOnlyList<string>> { ["surface"] = ["wall"] } });
        await app.PublishAsync(graffiti, RequestStatus.Fixed, "Painted over");

        var both = await app.Open311GetAsync($"/requests.json?q={marker}&service_code=graffiti,pothole");
        var onlyGraffiti = await app.Open311GetAsync($"/requests.json?q={marker}&service_code=graffiti");
        var open = await app.Open311GetAsync($"/requests.json?q={marker}&status=open");
        var closed = await app.Open311GetAsync($"/requests.xml?q={marker}&status=closed");
        var openAndClosed = await app.Open311GetAsync($"/requests.json?q={marker}&status=open,closed");
        var byIds = await app.Open311GetAsync($"/requests.json?service_request_id={pothole.Number},{graffiti.Number}&service_code=sidewalk&status=closed&start_date=2099-01-01");
        var badStatus = await app.Open311GetAsync("/requests.xml?status=pending");

        Assert.Equal(2, both.Ids().Count);
        Assert.Equal([graffiti.Number], onlyGraffiti.Ids());
        Assert.Equal([pothole.Number], open.Ids());
        var closedRecord = Assert.Single(closed.Requests("xml"));
        Assert.Equal("closed", closedRecord["status"]);
        Assert.Equal("Painted over", closedRecord["status_notes"]);
        Assert.Equal(2, openAndClosed.Ids().Count);
        Assert.Equal([graffiti.Number, pothole.Number], byIds.Ids()); // newest first, other filters ignored
        Assert.Contains("status must be open, closed", Assert.Single(badStatus.AssertErrors("xml", HttpStatusCode.BadRequest)), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Dates_default_to_the_last_90_days_and_bad_dates_are_400s(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = Open311Data.Marker();
        var recent = await app.CreateRequestAsync(r => r with { Description = marker });
        var old = await app.CreateRequestAsync(r => r with { Description = marker });
        await app.AgeAsync(old, TimeSpan.FromDays(120));
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var longAgo = DateTime.UtcNow.AddDays(-200).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var byDefault = await app.Open311GetAsync($"/requests.json?q={marker}");
        var withStart = await app.Open311GetAsync($"/requests.json?q={marker}&start_date={longAgo}T00:00:00Z");
        var endedLongAgo = await app.Open311GetAsync($"/requests.json?q={marker}&start_date={longAgo}&end_date={DateTime.UtcNow.AddDays(-100):yyyy-MM-dd}");
        var future = await app.Open311GetAsync($"/requests.json?q={marker}&start_date={tomorrow}");
        var updatedLater = await app.Open311GetAsync($"/requests.json?q={marker}&updated_after={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O", CultureInfo.InvariantCulture))}");
        var updatedBefore = await app.Open311GetAsync($"/requests.json?q={marker}&updated_before={tomorrow}");

        Assert.Equal([recent.Number], byDefault.Ids());
        Assert.Equal([recent.Number, old.Number], withStart.Ids());
        Assert.Equal([old.Number], endedLongAgo.Ids());
        Assert.Empty(future.Ids());
        Assert.Empty(updatedLater.Ids());
        Assert.Equal([recent.Number, old.Number], updatedBefore.Ids());
        foreach (var format in new[] { "xml", "json" })
        {
            Assert.Contains("start_date must be an ISO 8601 date-time", Assert.Single((await app.Open311GetAsync($"/requests.{format}?start_date=last-tuesday")).AssertErrors(format, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
            (await app.Open311GetAsync($"/requests.{format}?end_date=2026-13-45")).AssertErrors(format, HttpStatusCode.BadRequest);
            (await app.Open311GetAsync($"/requests.{format}?start_date=2026-02-01&end_date=2026-01-01")).AssertErrors(format, HttpStatusCode.BadRequest);
            (await app.Open311GetAsync($"/requests.{format}?updated_after=0001-01-01T00:00:00%2B14:00")).AssertErrors(format, HttpStatusCode.BadRequest);
        }
    }

    [Theory, BothDatabases]
    public async Task Pages_search_and_bounding_box(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = Open311Data.Marker();
        var first = await app.CreateRequestAsync(r => r with { Description = $"First {marker}" });
        var second = await app.CreateRequestAsync(r => r with { Description = $"Second {marker}" });
        var farEast = await app.CreateRequestAsync(r => r with { Description = $"Far east {marker}", Latitude = 31.78, Longitude = -106.25 });

        var page1 = await app.Open311GetAsync($"/requests.json?q={marker}&page_size=2");
        var page2 = await app.Open311GetAsync($"/requests.json?q={marker}&page_size=2&page=2");
        var huge = await app.Open311GetAsync($"/requests.json?q={marker}&page_size=100000");
        var upperCase = await app.Open311GetAsync($"/requests.json?q={marker.ToUpperInvariant()}%20&page_size=");
        var box = await app.Open311GetAsync($"/requests.json?q={marker}&bbox=-106.50,31.75,-106.47,31.77");

        Assert.Equal([farEast.Number, second.Number], page1.Ids());
        Assert.Equal([first.Number], page2.Ids());
        Assert.Equal(3, huge.Ids().Count);
        Assert.Equal(3, upperCase.Ids().Count);
        Assert.Equal([second.Number, first.Number], box.Ids());
        foreach (var format in new[] { "xml", "json" })
        {
            (await app.Open311GetAsync($"/requests.{format}?page=0")).AssertErrors(format, HttpStatusCode.BadRequest);
            (await app.Open311GetAsync($"/requests.{format}?page_size=-5")).AssertErrors(format, HttpStatusCode.BadRequest);
            (await app.Open311GetAsync($"/requests.{format}?bbox=-106.4,31.7,-106.5")).AssertErrors(format, HttpStatusCode.BadRequest);
            (await app.Open311GetAsync($"/requests.{format}?bbox=-106.4,31.8,-106.5,31.7")).AssertErrors(format, HttpStatusCode.BadRequest);
        }
    }

    [Theory, BothDatabases]
    public async Task Empty_parameters_are_the_same_as_absent_ones(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = Open311Data.Marker();
        var request = await app.CreateRequestAsync(r => r with { Description = marker });

        var response = await app.Open311GetAsync($"/requests.json?q={marker}&jurisdiction_id=&service_request_id=&service_code=&status=&start_date=&end_date=&updated_after=&updated_before=&bbox=&page=&page_size=&extensions=");

        Assert.Equal([request.Number], response.Ids());
    }

    [Theory, BothDatabases]
    public async Task Hidden_services_never_appear_and_coarsened_ones_show_only_their_grid_cell(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = Open311Data.Marker();
        var bite = await app.CreateRequestAsync(r => r with
        {
            ServiceCode = "animal-bite",
            Description = marker,
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["bitten_at"] = ["2026-01-05T08:00:00-07:00"], ["animal_description"] = ["Brown dog"] },
        });
        var weeds = await app.CreateRequestAsync(r => r with { ServiceCode = "weeds-vacant-lot", Description = marker, Answers = new Dictionary<string, IReadOnlyList<string>>(), Latitude = 31.7712, Longitude = -106.4431, Address = $"4512 Sunny Lane {marker}addr" });
        var cell = new GeoPoint(31.7712, -106.4431).Coarsen(500);

        var bySearch = await app.Open311GetAsync($"/requests.json?q={marker}");
        var byId = await app.Open311GetAsync($"/requests.json?service_request_id={bite.Number},{weeds.Number}&extensions=true");
        var single = await app.Open311GetAsync($"/requests/{bite.Number}.json");
        var byAddress = await app.Open311GetAsync($"/requests.json?q={marker}addr");
        var houseBox = await app.Open311GetAsync("/requests.json?service_code=weeds-vacant-lot&bbox=-106.44311,31.77119,-106.44309,31.77121");
        var cellBox = await app.Open311GetAsync(FormattableString.Invariant($"/requests.json?service_code=weeds-vacant-lot&bbox={cell.Longitude - 0.0001},{cell.Latitude - 0.0001},{cell.Longitude + 0.0001},{cell.Latitude + 0.0001}"));

        // The coarsened report's own words and address often name the house: not shown, not searchable.
        var record = Assert.Single(byId.Json.EnumerateArray());
        Assert.Equal(weeds.Number, record.GetProperty("service_request_id").GetString());
        Assert.Equal(JsonValueKindNull, record.GetProperty("address").ValueKind);
        Assert.Equal("", record.GetProperty("description").GetString()); // JSON's one spelling of "no description"
        Assert.Equal(cell.Latitude, record.GetProperty("lat").GetDouble());
        Assert.Equal(cell.Longitude, record.GetProperty("long").GetDouble());
        Assert.DoesNotContain("Sunny Lane", byId.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, byId.Body, StringComparison.Ordinal);
        Assert.Empty(bySearch.Ids());
        single.AssertErrors("json", HttpStatusCode.NotFound);
        Assert.Empty(byAddress.Ids());
        Assert.DoesNotContain(weeds.Number, houseBox.Ids());
        Assert.Contains(weeds.Number, cellBox.Ids());
    }

    [Theory, BothDatabases]
    public async Task Extensions_add_channel_photos_duplicate_parent_answers_and_the_public_timeline(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = Open311Data.Marker();
        var parent = await app.CreateRequestAsync(r => r with { Description = $"Parent {marker}" });
        var child = await app.CreateRequestAsync(r => r with { Description = $"Child {marker}" });
        await app.PublishAsync(child, RequestStatus.Duplicate, "Same hole as another report");
        await app.WithDbAsync(d => d.Requests().Where(r => r.Id == child.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ParentRequestId, parent.Id)));

        var json = await app.Open311GetAsync($"/requests.json?q={marker}&extensions=true");
        var xml = await app.Open311GetAsync($"/requests/{child.Number}.xml?extensions=true");
        var plain = await app.Open311GetAsync($"/requests.json?q={marker}");

        Open311Schemas.AssertValid("requests.json", json.Body);
        var childRecord = json.Json.EnumerateArray().Single(r => r.GetProperty("service_request_id").GetString() == child.Number);
        var extended = childRecord.GetProperty("extended_attributes");
        Assert.Equal("web", extended.GetProperty("channel").GetString());
        Assert.True(extended.GetProperty("duplicate").GetBoolean());
        Assert.Equal(parent.Number, extended.GetProperty("parent_service_request_id").GetString());
        Assert.Equal(0, extended.GetProperty("photos").GetArrayLength());
        Assert.Equal("size", childRecord.GetProperty("attributes")[0].GetProperty("code").GetString());
        var notes = childRecord.GetProperty("notes").EnumerateArray().ToList();
        Assert.Equal(["received", "status_changed"], notes.Select(n => n.GetProperty("type").GetString()));
        Assert.Equal("Same hole as another report", notes[1].GetProperty("description").GetString());
        Assert.DoesNotContain("Test staff", json.Body, StringComparison.Ordinal);

        var request = xml.Xml.Root!.Element("request")!;
        Assert.Equal(["channel", "photos", "duplicate", "parent_service_request_id"], request.Element("extended_attributes")!.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["code", "value"], request.Element("attributes")!.Element("attribute")!.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(2, request.Element("notes")!.Elements("note").Count());
        Assert.All(plain.Json.EnumerateArray(), r => Assert.False(r.TryGetProperty("extended_attributes", out _)));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
