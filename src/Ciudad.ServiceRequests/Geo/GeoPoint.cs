namespace Ciudad.ServiceRequests.Geo;

internal readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusMeters = 6_371_008.8;

    public bool IsValid => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180
        && double.IsFinite(Latitude) && double.IsFinite(Longitude);

    /// <summary>Great-circle (haversine) distance; exact enough at city scale.</summary>
    public double MetersTo(GeoPoint other)
    {
        var dLat = ToRadians(other.Latitude - Latitude);
        var dLon = ToRadians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
            + Math.Cos(ToRadians(Latitude)) * Math.Cos(ToRadians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>A latitude/longitude box that contains every point within <paramref name="meters"/>; for index-friendly pre-filtering.</summary>
    public (double MinLat, double MaxLat, double MinLon, double MaxLon) BoxAround(double meters)
    {
        var dLat = meters / 111_320d;
        var dLon = meters / (111_320d * Math.Cos(ToRadians(Latitude)));
        return (Latitude - dLat, Latitude + dLat, Longitude - dLon, Longitude + dLon);
    }

    /// <summary>
    /// Snaps to the centre of a grid cell about <paramref name="cellMeters"/> wide, so a public map
    /// shows the neighbourhood of a sensitive report but not the house. See <see cref="CoarseCells"/>.
    /// </summary>
    public GeoPoint Coarsen(double cellMeters)
    {
        var row = CoarseCells.Row(Latitude, cellMeters);
        var lonStep = CoarseCells.LongitudeStep(row, cellMeters);
        return new GeoPoint(CoarseCells.RowCentre(row, cellMeters), CoarseCells.Centre(CoarseCells.Index(Longitude, lonStep), lonStep));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180d;
}
