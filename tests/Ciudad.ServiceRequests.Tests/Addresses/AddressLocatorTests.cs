using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ciudad.ServiceRequests.Addresses;
using Ciudad.ServiceRequests.Geo;
using Microsoft.Extensions.DependencyInjection;
using static Ciudad.Testing.AddressTestData;

namespace Ciudad.ServiceRequests.Tests.Addresses;

/// <summary>Searching the imported address points: typos, abbreviations, ambiguity, autocomplete and pins.</summary>
public sealed class AddressLocatorTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly Point Mesa1200 = new("1200", "N Mesa St", "79902", 31.7640, -106.4950);

    private async Task<CiudadApp> AppWithAddressesAsync(TestDatabase db)
    {
        var app = await fixture.For(db);
        await app.ImportAddressesAsync(
            Mesa1200,
            new("1202", "N Mesa St", "79902", 31.76412, -106.49505),
            new("1201", "N Mesa St", "79902", 31.76405, -106.49520),
            new("300", "N Stanton St", "79901", 31.7620, -106.4840),
            new("300", "S Stanton St", "79901", 31.7520, -106.4830));
        return app;
    }

    private static Task<T> WithLocatorAsync<T>(CiudadApp app, Func<AddressLocator, Task<T>> work) =>
        app.WithServicesAsync(sp => work(sp.GetRequiredService<AddressLocator>()));

    [Theory, BothDatabases]
    public async Task Typos_and_long_forms_still_find_the_address_with_their_match_quality(TestDatabase db)
    {
        var app = await AppWithAddressesAsync(db);

        var asPublished = await WithLocatorAsync(app, l => l.PlaceAsync("1200 N Mesa St", null));
        var longForm = await WithLocatorAsync(app, l => l.PlaceAsync("1200 North Mesa Street, El Paso, TX", "79902"));
        var typedType = await WithLocatorAsync(app, l => l.PlaceAsync("1200 Mesa Stret", null));
        var typedName = await WithLocatorAsync(app, l => l.PlaceAsync("1200 n msea st", null));
        var spanish = await WithLocatorAsync(app, l => l.PlaceAsync("1200 Calle Mesa", null));

        var expected = new GeoPoint(Mesa1200.Latitude, Mesa1200.Longitude);
        Assert.Equal(new AddressPlacement(AddressMatch.Exact, expected, "1200 N Mesa St"), asPublished);
        Assert.Equal(AddressMatch.Exact, longForm.Match);
        Assert.Equal(expected, typedType.Point);
        Assert.Equal(AddressMatch.Fuzzy, typedName.Match);
        Assert.Equal(expected, typedName.Point);
        Assert.Equal(expected, spanish.Point);
    }

    [Theory, BothDatabases]
    public async Task Unknown_numbers_cross_streets_and_two_far_apart_streets_are_unmatched(TestDatabase db)
    {
        var app = await AppWithAddressesAsync(db);

        foreach (var typed in new[] { "9999 N Mesa St", "Mesa St & Executive Center Blvd", "300 Stanton St", "1200 Zaragoza Rd", "" })
        {
            var placed = await WithLocatorAsync(app, l => l.PlaceAsync(typed, null));
            Assert.True(placed == AddressPlacement.Unmatched, typed);
        }
        // With the direction the same number is one place again.
        Assert.Equal(AddressMatch.Exact, (await WithLocatorAsync(app, l => l.PlaceAsync("300 S Stanton St", null))).Match);
    }

    [Theory, BothDatabases]
    public async Task The_suggestion_endpoint_answers_at_most_eight_addresses_for_a_number_and_the_start_of_a_street(TestDatabase db)
    {
        var app = await AppWithAddressesAsync(db);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        var typing = await client.GetAsync("/requests/addresses?q=" + Uri.EscapeDataString("1200 mes"));
        var typo = await client.GetFromJsonAsync<JsonElement>("/requests/addresses?q=" + Uri.EscapeDataString("1200 n msea"));
        var tooEarly = await client.GetFromJsonAsync<JsonElement>("/requests/addresses?q=mesa");

        Assert.Equal(HttpStatusCode.OK, typing.StatusCode);
        var suggestions = await typing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.InRange(suggestions.GetArrayLength(), 1, AddressLocator.MaxSuggestions);
        Assert.Equal("1200 N Mesa St", suggestions[0].GetProperty("label").GetString());
        Assert.Equal("79902", suggestions[0].GetProperty("zipcode").GetString());
        Assert.Contains(typo.EnumerateArray(), s => s.GetProperty("label").GetString() == "1200 N Mesa St");
        Assert.Equal(0, tooEarly.GetArrayLength());
    }

    [Theory, BothDatabases]
    public async Task A_dropped_pin_is_named_by_the_nearest_address_within_sixty_metres(TestDatabase db)
    {
        var app = await AppWithAddressesAsync(db);

        var near = await WithLocatorAsync(app, l => l.NearestAsync(new GeoPoint(31.76401, -106.49502)));
        var far = await WithLocatorAsync(app, l => l.NearestAsync(new GeoPoint(31.7700, -106.4950)));

        Assert.Equal("1200 N Mesa St", near);
        Assert.Null(far);
    }
}
