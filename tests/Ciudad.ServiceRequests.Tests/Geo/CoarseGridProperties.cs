using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Open311;
using FsCheck;
using FsCheck.Fluent;

namespace Ciudad.ServiceRequests.Tests.Geo;

/// <summary>Two exact points that share a published grid cell, and a search box.</summary>
internal sealed record CellProbe(double CellMeters, GeoPoint Home, GeoPoint Neighbour, GeoBox Box)
{
    public override string ToString() => FormattableString.Invariant(
        $"cell {CellMeters} m, home {Home}, neighbour {Neighbour}, box {Box.MinLatitude},{Box.MinLongitude} – {Box.MaxLatitude},{Box.MaxLongitude}");
}

/// <summary>
/// Property: no search box tells apart two houses in one published cell of a coarsened service,
/// however it is shaped (tiny, or stretched over degrees of latitude, the probe that recovered a
/// house's longitude), and a box matches exactly the reports whose published point it contains.
/// </summary>
public sealed class CoarseGridProperties
{
    [Fact]
    public void A_box_matches_both_points_of_a_cell_or_neither_and_only_by_the_published_point()
    {
        var property = Prop.ForAll(Probes().ToArbitrary(), probe =>
        {
            var ranges = CoarseGrid.ExactRanges(probe.Box, probe.CellMeters);
            var home = Matches(ranges, probe.Home);
            var published = probe.Home.Coarsen(probe.CellMeters);
            var shown = published.Latitude >= probe.Box.MinLatitude && published.Latitude <= probe.Box.MaxLatitude
                && published.Longitude >= probe.Box.MinLongitude && published.Longitude <= probe.Box.MaxLongitude;
            return home == Matches(ranges, probe.Neighbour) && home == shown;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(10_000), property);
    }

    [Fact]
    public void Every_point_of_a_row_has_the_same_column_width()
    {
        // A row straddling a half-degree parallel: its south and north edges round to different degrees.
        var cell = 500d;
        var row = CoarseCells.Row(31.5, cell);
        var south = new GeoPoint(CoarseCells.RowCentre(row, cell) - (0.49 * CoarseCells.LatitudeStep(cell)), -106.4431);
        var north = new GeoPoint(CoarseCells.RowCentre(row, cell) + (0.49 * CoarseCells.LatitudeStep(cell)), -106.4431);

        Assert.Equal(south.Coarsen(cell), north.Coarsen(cell));
    }

    private static bool Matches(IReadOnlyList<GeoBox> ranges, GeoPoint point) => ranges.Any(r =>
        point.Latitude >= r.MinLatitude && point.Latitude < r.MaxLatitude
        && point.Longitude >= r.MinLongitude && point.Longitude < r.MaxLongitude);

    private static Gen<CellProbe> Probes()
    {
        var unit = Gen.Choose(0, 1_000_000).Select(i => i / 1_000_000d);
        // Distances from a centimetre to twenty degrees, evenly on a log scale.
        var reach = Gen.Choose(0, 1_000_000).Select(i => Math.Pow(10, -7 + (8.3 * i / 1_000_000d)));
        var cells = Gen.Elements(50d, 500d, 1234d, 5000d);
        var homes = Gen.Frequency(
            (3, from lat in unit from lon in unit select new GeoPoint(31.6 + (0.4 * lat), -106.7 + (0.5 * lon))),
            (1, from lat in unit from lon in unit select new GeoPoint(-70 + (140 * lat), -170 + (340 * lon))));
        return
            from cellMeters in cells
            from home in homes
            from northSouth in unit
            from eastWest in unit
            from south in reach
            from north in reach
            from west in reach
            from east in reach
            select Probe(cellMeters, home, northSouth, eastWest, new GeoBox(
                Math.Max(-90, home.Latitude - south), Math.Max(-180, home.Longitude - west),
                Math.Min(90, home.Latitude + north), Math.Min(180, home.Longitude + east)));
    }

    /// <summary>The neighbour: anywhere in the home's cell (its row, and the row's column).</summary>
    private static CellProbe Probe(double cellMeters, GeoPoint home, double northSouth, double eastWest, GeoBox box)
    {
        var latStep = CoarseCells.LatitudeStep(cellMeters);
        var row = CoarseCells.Row(home.Latitude, cellMeters);
        var lonStep = CoarseCells.LongitudeStep(row, cellMeters);
        var column = CoarseCells.Index(home.Longitude, lonStep);
        var neighbour = new GeoPoint((row + northSouth) * latStep, (column + eastWest) * lonStep);
        // A neighbour rounded onto the next cell's edge is not in this cell: compare the home with itself.
        return new CellProbe(cellMeters, home, neighbour.Coarsen(cellMeters) == home.Coarsen(cellMeters) ? neighbour : home, box);
    }
}
