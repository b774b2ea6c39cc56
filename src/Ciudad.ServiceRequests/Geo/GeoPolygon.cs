using System.Text.Json;

namespace Ciudad.ServiceRequests.Geo;

/// <summary>
/// A GeoJSON Polygon or MultiPolygon (outer rings with holes) that answers "is this point inside?".
/// Planar ray casting on longitude/latitude: fine for city-sized shapes away from the poles.
/// </summary>
internal sealed class GeoPolygon
{
    // Each polygon: its rings (first outer, the rest holes); each ring: (lon, lat) vertices.
    private readonly List<List<(double Lon, double Lat)[]>> _polygons;

    private GeoPolygon(List<List<(double Lon, double Lat)[]>> polygons) => _polygons = polygons;

    public static GeoPolygon Parse(string geoJson)
    {
        using var document = JsonDocument.Parse(geoJson);
        var root = document.RootElement;
        if (root.TryGetProperty("type", out var rootType) && rootType.GetString() == "Feature")
        {
            root = root.GetProperty("geometry");
        }
        var type = root.GetProperty("type").GetString();
        var coordinates = root.GetProperty("coordinates");
        var polygons = type switch
        {
            "Polygon" => [ReadPolygon(coordinates)],
            "MultiPolygon" => coordinates.EnumerateArray().Select(ReadPolygon).ToList(),
            _ => throw new FormatException($"Expected a GeoJSON Polygon or MultiPolygon, not {type}."),
        };
        return new GeoPolygon(polygons);
    }

    public bool Contains(GeoPoint point) =>
        _polygons.Any(rings => InRing(rings[0], point) && !rings.Skip(1).Any(hole => InRing(hole, point)));

    private static List<(double, double)[]> ReadPolygon(JsonElement polygon) =>
        polygon.EnumerateArray()
            .Select(ring => ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToArray())
            .ToList();

    private static bool InRing((double Lon, double Lat)[] ring, GeoPoint point)
    {
        var inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            var (xi, yi) = ring[i];
            var (xj, yj) = ring[j];
            if ((yi > point.Latitude) != (yj > point.Latitude)
                && point.Longitude < (xj - xi) * (point.Latitude - yi) / (yj - yi) + xi)
            {
                inside = !inside;
            }
        }
        return inside;
    }
}
