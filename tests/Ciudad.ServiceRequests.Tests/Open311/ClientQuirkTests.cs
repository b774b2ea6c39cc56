using System.Globalization;
using System.Net;
using Ciudad.Platform.Localization;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>Small things real clients trip on: HEAD, CORS preflight, raw '+' in dates, tokens, empty descriptions, service flags.</summary>
public sealed class ClientQuirkTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string[] Resources = ["/discovery.xml", "/services.json", "/services/pothole.xml", "/requests.json", "/servicerequestupdates.xml"];

    [Theory, BothDatabases]
    public async Task Head_answers_on_every_resource_like_get_without_a_body(TestDatabase db)
    {
        var app = await fixture.For(db);
        var request = await app.CreateRequestAsync();

        foreach (var path in Resources.Append($"/requests/{request.Number}.json"))
        {
            var get = await app.Open311GetAsync(path);
            using var client = new HttpClient { BaseAddress = app.BaseAddress };
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Open311Kit.Base + path));

            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {path}: {(int)head.StatusCode}");
            Assert.Equal(get.ContentType, head.Content.Headers.ContentType?.ToString());
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            Assert.Equal("*", head.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }
    }

    [Theory, BothDatabases]
    public async Task A_cors_preflight_is_answered_on_every_resource(TestDatabase db)
    {
        var app = await fixture.For(db);

        foreach (var path in Resources.Append("/requests.json"))
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, Open311Kit.Base + path);
            preflight.Headers.Add("Origin", "https://map.example.org");
            preflight.Headers.Add("Access-Control-Request-Method", "GET");
            var answer = await app.SendAsync(preflight);

            Assert.True(answer.Status == HttpStatusCode.NoContent, $"OPTIONS {path}: {answer}");
            Assert.Equal("*", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.Contains("GET", answer.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        }
    }

    [Theory, BothDatabases]
    public async Task A_raw_plus_in_a_date_offset_that_arrives_as_a_space_is_read_as_plus(TestDatabase db)
    {
        var app = await fixture.For(db);

        var raw = await app.Open311GetAsync("/requests.json?start_date=2026-01-01T00:00:00+01:00&end_date=2026-01-02T00:00:00+01:00");
        var updates = await app.Open311GetAsync("/servicerequestupdates.xml?start_date=2026-01-01T00:00:00+01:00");

        Assert.True(raw.Status == HttpStatusCode.OK, raw.ToString());
        Assert.True(updates.Status == HttpStatusCode.OK, updates.ToString());
    }

    [Theory, BothDatabases]
    public async Task Tokens_answer_404_explaining_that_ids_are_returned_at_once(TestDatabase db)
    {
        var app = await fixture.For(db);

        var description = Assert.Single((await app.Open311GetAsync("/tokens/abc123.xml")).AssertErrors("xml", HttpStatusCode.NotFound));

        Assert.Contains("never issues tokens", description, StringComparison.Ordinal);
        Assert.Contains("service_request_id", description, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Json_description_is_always_a_string_and_empty_means_none(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = Open311Data.Marker();
        var silent = await app.CreateRequestAsync(r => r with { Description = null, Address = marker });
        var coarsened = await app.CreateRequestAsync(r => r with
        {
            ServiceCode = "weeds-vacant-lot",
            Answers = new Dictionary<string, IReadOnlyList<string>>(),
            Description = $"Weeds {marker} at my neighbour's house",
        });

        var read = await app.Open311GetAsync($"/requests.json?service_request_id={silent.Number},{coarsened.Number}");
        var services = await app.Open311GetAsync("/services.json");
        var definition = await app.Open311GetAsync("/services/pothole.json");

        Assert.All(read.Json.EnumerateArray(), r => Assert.Equal("", r.GetProperty("description").GetString()));
        Assert.All(services.Json.EnumerateArray(), s => Assert.Equal(System.Text.Json.JsonValueKind.String, s.GetProperty("description").ValueKind));
        Assert.All(definition.Json.GetProperty("attributes").EnumerateArray(), a => Assert.Equal(System.Text.Json.JsonValueKind.String, a.GetProperty("description").ValueKind));
    }

    [Theory, BothDatabases]
    public async Task Services_carry_mysociety_keywords_and_groups(TestDatabase db)
    {
        var app = await fixture.For(db);
        var code = "retired-" + Guid.NewGuid().ToString("N")[..6];
        await app.WithDbAsync(async d =>
        {
            var pothole = await d.Services().AsNoTracking().SingleAsync(s => s.Code == "pothole");
            d.Services().Add(new Service
            {
                Code = code,
                Name = LocalizedText.Of("Retired service", "Servicio retirado"),
                Group = pothole.Group,
                DepartmentId = pothole.DepartmentId,
                IsActive = false,
            });
            return await d.SaveChangesAsync();
        });

        var json = await app.Open311GetAsync("/services.json");
        var xml = await app.Open311GetAsync("/services.xml");

        var services = json.Json.EnumerateArray().ToDictionary(s => s.GetProperty("service_code").GetString()!);
        string[] Flags(string c) => services[c].GetProperty("keywords").GetString()!.Split(',', StringSplitOptions.TrimEntries);
        Assert.Contains("private", Flags("animal-bite"));
        Assert.DoesNotContain("private", Flags("pothole"));
        Assert.Contains("pavement", Flags("pothole"));
        Assert.Equal(["inactive"], Flags(code));
        Assert.Equal(["Streets and sidewalks"], services["pothole"].GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        var xmlPothole = xml.Xml.Root!.Elements("service").Single(s => s.Element("service_code")!.Value == "pothole");
        Assert.Equal(["Streets and sidewalks"], xmlPothole.Element("groups")!.Elements("group").Select(g => g.Value));

        var inactivePost = Open311Kit.PotholeFields(await app.NewApiKeyAsync());
        inactivePost[1] = new("service_code", code);
        (await app.Open311PostAsync("json", inactivePost)).AssertErrors("json", HttpStatusCode.BadRequest);
    }
}

/// <summary>Request numbers never read as numbers by XML and JSON clients (0123456, 1E23456, 0X1A2B3).</summary>
public sealed class RequestNumberShapeTests
{
    [Fact]
    public void No_issued_number_parses_as_a_number_and_every_one_stays_valid()
    {
        var random = new Random(9);
        for (var i = 0; i < 100_000; i++)
        {
            var number = i % 2 == 0 ? RequestNumbers.New() : RequestNumbers.New(random);
            Assert.False(double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _), number);
            Assert.True(char.IsAsciiLetter(number[0]) && number[0] is not ('E' or 'X' or 'D' or 'F' or 'B' or 'A' or 'C'), number);
            Assert.Equal(number, RequestNumbers.Normalize(number));
        }
        Assert.Equal("0123456", RequestNumbers.Normalize("012-3456")); // numbers issued before stay readable
    }
}
