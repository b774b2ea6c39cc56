using Ciudad.ServiceRequests.Geo;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// Box searches over coarsened requests. <see cref="GeoPoint.Coarsen"/> publishes the centre of a
/// grid cell; this finds the exact-coordinate range whose cells have their centre inside a box,
/// so SQL can filter on the stored (indexed) columns and still match only what the public sees.
/// </summary>
public static class CoarseGrid
{
    private const double MetersPerDegree = 111_320d;

    /// <summary>The exact range (maxima exclusive); an empty box (min &gt; max) when no cell centre falls inside.</summary>
    public static GeoBox ExactRange(GeoBox box, double cellMeters)
    {
        var latStep = cellMeters / MetersPerDegree;
        // Coarsen takes the longitude step at the point's whole-degree latitude; the box's middle
        // stands for it (the same for every point of a city-sized box away from a x.5° parallel).
        var referenceLatitude = Math.Round((box.MinLatitude + box.MaxLatitude) / 2);
        var lonStep = cellMeters / (MetersPerDegree * Math.Cos(referenceLatitude * Math.PI / 180d));
        var (minLat, maxLat) = Cells(box.MinLatitude, box.MaxLatitude, latStep);
        var (minLon, maxLon) = Cells(box.MinLongitude, box.MaxLongitude, lonStep);
        return new GeoBox(minLat, minLon, maxLat, maxLon);
    }

    /// <summary>Cells k whose centre (k + ½)·step lies in [min, max] cover [k_min·step, (k_max + 1)·step).</summary>
    private static (double Min, double Max) Cells(double min, double max, double step)
    {
        var first = Math.Ceiling((min / step) - 0.5);
        var last = Math.Floor((max / step) - 0.5);
        return first > last ? (1, 0) : (first * step, (last + 1) * step);
    }
}
