using System.Globalization;
using Ciudad.Platform.Data;
using Ciudad.Platform.Seeding;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Addresses;

/// <summary>
/// An El Paso-like address file for the demo city, generated the same way every time: blocks of
/// houses along real El Paso street names in their part of town, even numbers on one side and odd
/// on the other, about 12 m apart. Loaded through the same import as a real file, and only into
/// a city with no address points yet (a real import is never mixed with invented addresses).
/// </summary>
internal sealed class DemoAddresses(
    CiudadDbContext db,
    AddressImport import,
    DemoPlaces places,
    IOptions<DemoAddressOptions> options,
    ILogger<DemoAddresses> logger)
{
    public const int Seed = 20260915;
    private const int HousesPerBlock = 40;
    private const double MetersApart = 12;

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var target = options.Value.DemoAddresses;
        if (target == 0 || await db.AddressPoints().AnyAsync(cancellationToken))
        {
            return 0;
        }
        var report = await import.ImportAsync(Generate(places, target).ToAsyncEnumerable(), cancellationToken);
        logger.LogInformation("Demo address points added: {Count}", report.Imported);
        return report.Imported;
    }

    /// <summary>Rows as a city's CSV would give them (number, street, ZIP, longitude, latitude).</summary>
    public static IEnumerable<AddressRow> Generate(DemoPlaces places, int target)
    {
        var random = new Random(Seed);
        var nextNumber = new Dictionary<string, int>(StringComparer.Ordinal);
        long line = 0;
        for (var blocks = 0; blocks * HousesPerBlock < target; blocks++)
        {
            var start = places.Next(random);
            var streets = DemoPlaces.StreetsIn(start.AreaCode);
            var zips = DemoPlaces.ZipsIn(start.AreaCode);
            var street = streets[random.Next(streets.Count)];
            var zip = zips[random.Next(zips.Count)];
            // Each block of a street gets its own hundreds, so a number names one house.
            var first = nextNumber.GetValueOrDefault(street, 100 * random.Next(1, 20));
            nextNumber[street] = first + 100 * random.Next(1, 4) + 100;
            var heading = random.NextDouble() * Math.PI;
            for (var house = 0; house < HousesPerBlock; house++)
            {
                var along = house / 2 * MetersApart;
                var side = house % 2 == 0 ? 10 : -10; // even numbers on one side of the street
                var point = Offset(start.Point, along * Math.Cos(heading) - side * Math.Sin(heading), along * Math.Sin(heading) + side * Math.Cos(heading));
                yield return new AddressRow(++line)
                {
                    Number = (first + house).ToString(CultureInfo.InvariantCulture),
                    Street = street,
                    Zipcode = zip,
                    Latitude = point.Latitude.ToString("0.######", CultureInfo.InvariantCulture),
                    Longitude = point.Longitude.ToString("0.######", CultureInfo.InvariantCulture),
                };
            }
        }
    }

    private static GeoPoint Offset(GeoPoint from, double eastMeters, double northMeters) => new(
        from.Latitude + northMeters / 111_320,
        from.Longitude + eastMeters / (111_320 * Math.Cos(from.Latitude * Math.PI / 180)));
}

internal sealed class DemoAddressesContributor(DemoAddresses demo) : IDemoDataContributor
{
    public int Order => 15;

    public Task SeedAsync(CancellationToken cancellationToken) => demo.SeedAsync(cancellationToken);
}
