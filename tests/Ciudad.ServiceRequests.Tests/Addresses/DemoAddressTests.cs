using Ciudad.ServiceRequests.Addresses;
using Ciudad.ServiceRequests.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Tests.Addresses;

/// <summary>The demo city's generated address file: the same every time, inside the city, and findable.</summary>
public sealed class DemoAddressTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task The_generated_addresses_all_import_and_each_one_places_exactly(TestDatabase db)
    {
        var app = await fixture.For(db);

        var (report, first, again) = await app.WithServicesAsync(async sp =>
        {
            var places = sp.GetRequiredService<DemoPlaces>();
            var rows = DemoAddresses.Generate(places, 400).ToList();
            var import = sp.GetRequiredService<AddressImport>();
            var imported = await import.ImportAsync(rows.ToAsyncEnumerable());
            var inside = rows.First(r => import.ToPoint(r, out _) is not null);
            return (imported, inside, DemoAddresses.Generate(places, 400).First(r => r.Line == inside.Line));
        });
        var placed = await app.WithServicesAsync(sp => sp.GetRequiredService<AddressLocator>().PlaceAsync($"{first.Number} {first.Street}", first.Zipcode));

        // A block near the city limits may run past them; nothing else is refused.
        Assert.InRange(report.Imported, 300, 400);
        Assert.Equal(400, report.Imported + report.SkippedByReason.GetValueOrDefault("outside the city limits"));
        Assert.Equal(first, again);
        Assert.Equal(AddressMatch.Exact, placed.Match);
        Assert.Equal(double.Parse(first.Latitude!, System.Globalization.CultureInfo.InvariantCulture), placed.Point!.Value.Latitude);
    }
}
