using System.Globalization;
using Ciudad.ServiceRequests.Geo;
using FsCheck;
using FsCheck.Fluent;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>
/// Property over real HTTP: two sensitive (coarsened) reports from opposite corners of one
/// published grid cell are never told apart by a <c>bbox</c>: every box lists both or neither,
/// and exactly when it contains their published point. The boxes include the probe from the
/// security review, whose latitude is stretched over degrees so the grid used to filter no longer
/// matched the published one, narrowing a 500 m cell to a strip a few metres wide.
/// </summary>
public sealed class CoarsenedBoxProperties(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const double CellMeters = 500;

    [Theory, BothDatabases]
    public async Task No_box_tells_apart_two_houses_in_one_published_cell(TestDatabase db)
    {
        var app = await fixture.For(db);
        var published = new GeoPoint(31.7712, -106.4431).Coarsen(CellMeters);
        // The cell's size from its definition: 500 m of latitude, 500 m of longitude at 32°.
        var latStep = CellMeters / 111_320d;
        var lonStep = CellMeters / (111_320d * Math.Cos(32 * Math.PI / 180));
        var southWest = new GeoPoint(published.Latitude - (0.45 * latStep), published.Longitude - (0.45 * lonStep));
        var northEast = new GeoPoint(published.Latitude + (0.45 * latStep), published.Longitude + (0.45 * lonStep));
        Assert.Equal(published, southWest.Coarsen(CellMeters));
        Assert.Equal(published, northEast.Coarsen(CellMeters));
        var first = await Weeds(app, southWest);
        var second = await Weeds(app, northEast);

        var property = Prop.ForAll(Boxes(published, latStep, lonStep).ToArbitrary(), box =>
        {
            var ids = app.Open311GetAsync("/requests.json?service_code=weeds-vacant-lot&page_size=500&bbox=" + box).GetAwaiter().GetResult().Ids();
            var shown = published.Latitude >= box.South && published.Latitude <= box.North
                && published.Longitude >= box.West && published.Longitude <= box.East;
            return ids.Contains(first) == shown && ids.Contains(second) == shown;
        });
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(120), property));
    }

    private static async Task<string> Weeds(CiudadApp app, GeoPoint point) => (await app.CreateRequestAsync(r => r with
    {
        ServiceCode = "weeds-vacant-lot",
        Answers = new Dictionary<string, IReadOnlyList<string>>(),
        Latitude = point.Latitude,
        Longitude = point.Longitude,
        Address = "4512 Sunny Lane",
    })).Number;

    /// <summary>Boxes with edges anywhere from inside the cell to a few cells away, and latitudes stretched up to 15°.</summary>
    private static Gen<Box> Boxes(GeoPoint centre, double latStep, double lonStep)
    {
        var offset = Gen.Choose(-3000, 3000).Select(i => i / 1000d);
        var stretch = Gen.Frequency((1, Gen.Constant(0d)), (2, Gen.Choose(1, 15_000).Select(i => i / 1000d)));
        return
            from south in offset
            from north in offset
            from west in offset
            from east in offset
            from stretchSouth in stretch
            from stretchNorth in stretch
            select new Box(
                Math.Max(-90, centre.Latitude + (Math.Min(south, north) * latStep) - stretchSouth),
                centre.Longitude + (Math.Min(west, east) * lonStep),
                Math.Min(90, centre.Latitude + (Math.Max(south, north) * latStep) + stretchNorth),
                centre.Longitude + (Math.Max(west, east) * lonStep));
    }

    public sealed record Box(double South, double West, double North, double East)
    {
        /// <summary>As <c>bbox</c> wants it: minLng,minLat,maxLng,maxLat.</summary>
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{West:R},{South:R},{East:R},{North:R}");
    }
}
