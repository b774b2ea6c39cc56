using System.Globalization;
using System.Text.Json;
using Ciudad.Platform.City;
using Ciudad.ServiceRequests.Geo;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Seeding;

/// <summary>
/// Where demo and synthetic requests happen: a point inside one of the configured areas (or the
/// city boundary when none are configured) and an address a resident would type, built from real
/// El Paso streets of that part of town, so the map, the area filter and the address agree.
/// </summary>
internal sealed class DemoPlaces
{
    // Real streets by El Paso planning area; an area of another city falls back to AnyStreets.
    private static readonly Dictionary<string, string[]> StreetsByArea = new(StringComparer.OrdinalIgnoreCase)
    {
        ["westside"] = ["N Mesa St", "Doniphan Dr", "Resler Dr", "Sunland Park Dr", "Thorn Ave", "Redd Rd", "Country Club Rd", "Executive Center Blvd", "Festival Dr", "Upper Valley Rd", "Shadow Mountain Dr", "Helen of Troy Dr"],
        ["northeast"] = ["Dyer St", "McCombs St", "Hondo Pass Dr", "Diana Dr", "Gateway Blvd N", "Railroad Dr", "Sean Haggerty Dr", "Kenworthy St", "Martin Luther King Jr Blvd", "Fred Wilson Ave", "Electric Ave", "Wren Ave"],
        ["central"] = ["N Oregon St", "S Stanton St", "Montana Ave", "E Yandell Dr", "N Piedras St", "Alameda Ave", "Paisano Dr", "Cotton St", "N Kansas St", "E Missouri Ave", "Texas Ave", "Copia St", "Alabama St", "Rim Rd"],
        ["mission-valley"] = ["Alameda Ave", "N Zaragoza Rd", "Socorro Rd", "Yarbrough Dr", "Americas Ave", "N Loop Dr", "Old County Rd", "Lomaland Dr", "Carolina Dr", "Padres Dr", "Southside Rd"],
        ["eastside"] = ["Airway Blvd", "Hawkins Blvd", "Viscount Blvd", "Lee Trevino Dr", "Montana Ave", "Gateway Blvd E", "Yarbrough Dr", "Edgemere Blvd", "McRae Blvd", "Trawood Dr", "Montwood Dr"],
        ["far-east"] = ["Joe Battle Blvd", "Montwood Dr", "Pellicano Dr", "Tierra Este Rd", "Rich Beem Blvd", "Vista del Sol Dr", "Eastlake Blvd", "Tim Foster St", "Edgemere Blvd", "George Dieter Dr", "Zaragoza Rd"],
    };

    private static readonly Dictionary<string, string[]> ZipsByArea = new(StringComparer.OrdinalIgnoreCase)
    {
        ["westside"] = ["79912", "79922", "79932"],
        ["northeast"] = ["79904", "79924", "79934"],
        ["central"] = ["79901", "79902", "79903", "79930"],
        ["mission-valley"] = ["79905", "79907", "79915"],
        ["eastside"] = ["79925", "79935"],
        ["far-east"] = ["79928", "79936", "79938"],
    };

    // Rough share of the city's reports by area: the populous east and west outweigh downtown.
    private static readonly Dictionary<string, int> AreaWeights = new(StringComparer.OrdinalIgnoreCase)
    {
        ["westside"] = 18, ["northeast"] = 15, ["central"] = 17, ["mission-valley"] = 15, ["eastside"] = 15, ["far-east"] = 20,
    };

    private static readonly string[] AnyStreets = [.. StreetsByArea.Values.SelectMany(s => s).Distinct()];

    private readonly CityGeography _geography;
    private readonly List<(string? Code, Bounds Box, int Weight)> _regions;
    private readonly int _totalWeight;

    public DemoPlaces(CityGeography geography, IOptions<CityOptions> city, IOptions<ServiceRequestsOptions> options)
    {
        _geography = geography;
        _regions = options.Value.Areas
            .Select(a => ((string?)a.Code, Bounds.Of(a.BoundaryGeoJson), AreaWeights.GetValueOrDefault(a.Code, 10)))
            .ToList();
        if (_regions.Count == 0)
        {
            _regions.Add((null, Bounds.Of(city.Value.BoundaryGeoJson), 1));
        }
        _totalWeight = _regions.Sum(r => r.Weight);
    }

    public sealed record Place(GeoPoint Point, string? AreaCode, string Address, string Zipcode);

    /// <summary>The real streets of an area (any area's when it is not one of El Paso's).</summary>
    public static IReadOnlyList<string> StreetsIn(string? area) =>
        area is not null && StreetsByArea.TryGetValue(area, out var known) ? known : AnyStreets;

    /// <summary>The ZIP codes of an area.</summary>
    public static IReadOnlyList<string> ZipsIn(string? area) =>
        area is not null && ZipsByArea.TryGetValue(area, out var known) ? known : ["79901"];

    /// <summary>A point inside the city and its area; rejection sampling in the area's bounding box.</summary>
    public Place Next(Random random)
    {
        var pick = random.Next(_totalWeight);
        var region = _regions.First(r => (pick -= r.Weight) < 0);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var point = new GeoPoint(
                Math.Round(region.Box.MinLat + random.NextDouble() * (region.Box.MaxLat - region.Box.MinLat), 6),
                Math.Round(region.Box.MinLon + random.NextDouble() * (region.Box.MaxLon - region.Box.MinLon), 6));
            var area = _geography.AreaOf(point);
            if (_geography.IsInsideCity(point) && (region.Code is null || area == region.Code))
            {
                return new Place(point, area, Address(random, area), Zipcode(random, area));
            }
        }
        throw new InvalidOperationException($"Could not place a point inside area '{region.Code}' and the city boundary; check the configured shapes.");
    }

    /// <summary>"3800 N Mesa St", or cross streets "Montana Ave &amp; Airway Blvd" as people often give.</summary>
    private static string Address(Random random, string? area)
    {
        var streets = area is not null && StreetsByArea.TryGetValue(area, out var known) ? known : AnyStreets;
        var street = streets[random.Next(streets.Length)];
        if (random.Next(4) == 0)
        {
            var other = streets[random.Next(streets.Length)];
            return other == street ? $"{random.Next(1, 120) * 100} {street}" : $"{street} & {other}";
        }
        var number = random.Next(1, 130) * 100 + random.Next(0, 50) * 2 + random.Next(2);
        return string.Create(CultureInfo.InvariantCulture, $"{number} {street}");
    }

    private static string Zipcode(Random random, string? area)
    {
        var zips = area is not null && ZipsByArea.TryGetValue(area, out var known) ? known : ["79901"];
        return zips[random.Next(zips.Length)];
    }

    private readonly record struct Bounds(double MinLat, double MaxLat, double MinLon, double MaxLon)
    {
        /// <summary>Bounding box of every position in a GeoJSON Polygon, MultiPolygon or Feature.</summary>
        public static Bounds Of(string geoJson)
        {
            using var document = JsonDocument.Parse(geoJson);
            var root = document.RootElement;
            if (root.TryGetProperty("geometry", out var geometry))
            {
                root = geometry;
            }
            var box = new Bounds(double.MaxValue, double.MinValue, double.MaxValue, double.MinValue);
            Visit(root.GetProperty("coordinates"), ref box);
            return box;
        }

        private static void Visit(JsonElement element, ref Bounds box)
        {
            if (element.GetArrayLength() >= 2 && element[0].ValueKind == JsonValueKind.Number)
            {
                var lon = element[0].GetDouble();
                var lat = element[1].GetDouble();
                box = new Bounds(Math.Min(box.MinLat, lat), Math.Max(box.MaxLat, lat), Math.Min(box.MinLon, lon), Math.Max(box.MaxLon, lon));
                return;
            }
            foreach (var child in element.EnumerateArray())
            {
                Visit(child, ref box);
            }
        }
    }
}
