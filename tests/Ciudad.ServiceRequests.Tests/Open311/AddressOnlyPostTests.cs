using System.Net;
using System.Text.Json;
using Ciudad.ServiceRequests.Addresses;
using Microsoft.EntityFrameworkCore;
using static Ciudad.Testing.AddressTestData;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>An Open311 POST with <c>address_string</c> and no coordinates is placed from the city's address points.</summary>
public sealed class AddressOnlyPostTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly Point Texas1500 = new("1500", "Texas Ave", "79901", 31.7610, -106.4720);

    private static List<KeyValuePair<string, string>> AddressOnly(string key, string address) =>
        [.. Open311Kit.PotholeFields(key).Where(f => f.Key is not ("lat" or "long")), new("address_string", address)];

    [Theory, BothDatabases]
    public async Task A_typed_address_with_a_typo_lands_on_the_map_at_the_address_point_with_its_match_quality(TestDatabase db)
    {
        var app = await fixture.For(db);
        await app.ImportAddressesAsync(Texas1500);
        var key = await app.NewApiKeyAsync();

        var posted = await app.Open311PostAsync("json", AddressOnly(key, "1500 Texsa Avenue"));

        Assert.True(HttpStatusCode.OK == posted.Status, posted.ToString());
        var number = posted.Json[0].GetProperty("service_request_id").GetString()!;
        var read = await app.Open311GetAsync($"/requests/{number}.json");
        Assert.Equal(Texas1500.Latitude, read.Json[0].GetProperty("lat").GetDouble());
        Assert.Equal(Texas1500.Longitude, read.Json[0].GetProperty("long").GetDouble());
        Assert.Equal("1500 Texsa Avenue", read.Json[0].GetProperty("address").GetString()); // what the reporter typed stays
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var markers = JsonDocument.Parse(await client.GetStringAsync("/requests/map.json"));
        var marker = markers.RootElement.EnumerateArray().Single(m => m.GetProperty("url").GetString()!.EndsWith(number, StringComparison.Ordinal));
        Assert.Equal(Texas1500.Latitude, marker.GetProperty("lat").GetDouble());
        Assert.Equal("fuzzy", marker.GetProperty("placedFromAddress").GetString());
        var stored = await app.WithDbAsync(d => d.Requests().AsNoTracking().SingleAsync(r => r.Number == number));
        Assert.Equal(AddressMatch.Fuzzy, stored.AddressMatch);
        Assert.NotNull(stored.AreaCode);
    }

    [Theory, BothDatabases]
    public async Task An_address_that_matches_nothing_is_still_filed_without_a_point_and_marked_unmatched(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync();

        var posted = await app.Open311PostAsync("xml", AddressOnly(key, "Behind the old mill, past the canal"));

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        var number = posted.Xml.Root!.Element("request")!.Element("service_request_id")!.Value;
        var stored = await app.WithDbAsync(d => d.Requests().AsNoTracking().SingleAsync(r => r.Number == number));
        Assert.Equal(AddressMatch.Unmatched, stored.AddressMatch);
        Assert.Null(stored.Latitude);
        var pinned = await app.Open311PostAsync("json", Open311Kit.PotholeFields(key));
        var pinnedNumber = pinned.Json[0].GetProperty("service_request_id").GetString()!;
        Assert.Null(await app.WithDbAsync(d => d.Requests().Where(r => r.Number == pinnedNumber).Select(r => r.AddressMatch).SingleAsync()));
    }
}
