namespace Ciudad.ServiceRequests.Geo;

/// <summary>
/// The grid that coarsened (sensitive) reports are published on. Rows are bands of latitude
/// <c>cellMeters</c> tall; each row is cut into columns about <c>cellMeters</c> wide, with a
/// longitude step that depends on the row alone (the cosine of its centre's whole-degree latitude),
/// never on the exact point. So everything public about a coarsened report — its published point
/// and whether a search box contains it — is a function of its cell: two houses in one cell cannot
/// be told apart (see <c>Open311.CoarseGrid</c>).
/// </summary>
internal static class CoarseCells
{
    private const double MetersPerDegree = 111_320d;

    public static double LatitudeStep(double cellMeters) => cellMeters / MetersPerDegree;

    /// <summary>The row a latitude lies in.</summary>
    public static long Row(double latitude, double cellMeters) => Index(latitude, LatitudeStep(cellMeters));

    /// <summary>A row's published latitude.</summary>
    public static double RowCentre(long row, double cellMeters) => Centre(row, LatitudeStep(cellMeters));

    /// <summary>
    /// A row's column width in degrees of longitude: the same for every point of the row, so a
    /// point's exact latitude inside its row changes nothing public.
    /// </summary>
    public static double LongitudeStep(long row, double cellMeters)
    {
        var referenceLatitude = ReferenceLatitude(row, cellMeters);
        return cellMeters / (MetersPerDegree * Math.Cos(referenceLatitude * Math.PI / 180d));
    }

    /// <summary>The whole-degree latitude whose scale a row's columns use (cells stay stable across a city).</summary>
    public static double ReferenceLatitude(long row, double cellMeters) => Math.Round(RowCentre(row, cellMeters));

    /// <summary>The cell index k with k·step ≤ value &lt; (k + 1)·step.</summary>
    public static long Index(double value, double step) => (long)Math.Floor(value / step);

    /// <summary>Cell k's published coordinate: its centre, to six decimals (about 10 cm).</summary>
    public static double Centre(long index, double step) => Math.Round((index + 0.5) * step, 6);
}
