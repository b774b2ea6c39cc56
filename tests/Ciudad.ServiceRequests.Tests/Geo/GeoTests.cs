using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Requests;

namespace Ciudad.ServiceRequests.Tests.Geo;

public sealed class GeoTests
{
    private const string SquareWithHole = """
        {"type":"Polygon","coordinates":[
          [[-106.6,31.7],[-106.4,31.7],[-106.4,31.9],[-106.6,31.9],[-106.6,31.7]],
          [[-106.55,31.75],[-106.45,31.75],[-106.45,31.85],[-106.55,31.85],[-106.55,31.75]]]}
        """;

    [Theory]
    [InlineData(31.72, -106.58, true)]
    [InlineData(31.80, -106.50, false)] // in the hole
    [InlineData(31.95, -106.50, false)] // north of it
    public void Polygons_with_holes_answer_containment(double lat, double lon, bool inside) =>
        Assert.Equal(inside, GeoPolygon.Parse(SquareWithHole).Contains(new GeoPoint(lat, lon)));

    [Fact]
    public void Distances_are_in_meters() =>
        // One thousandth of a degree of latitude is about 111 m.
        Assert.InRange(new GeoPoint(31.7587, -106.4869).MetersTo(new GeoPoint(31.7597, -106.4869)), 110, 112);

    [Fact]
    public void Coarsening_moves_a_point_less_than_a_cell_and_neighbours_share_a_cell()
    {
        var home = new GeoPoint(31.76123, -106.48765);
        var nextDoor = new GeoPoint(31.76125, -106.48770);

        var coarse = home.Coarsen(500);

        Assert.True(home.MetersTo(coarse) < 500);
        Assert.Equal(coarse, nextDoor.Coarsen(500));
    }

    [Theory]
    [InlineData("k7q-3m9x", "K7Q3M9X")]
    [InlineData(" K7Q 3M9X ", "K7Q3M9X")]
    [InlineData("O1L-IABC", "011-1ABC")]
    [InlineData("K7Q3M9", null)]
    [InlineData("K7Q-3M9U", null)]
    public void Request_numbers_forgive_case_dashes_and_lookalike_letters(string typed, string? expected) =>
        Assert.Equal(expected?.Replace("-", "", StringComparison.Ordinal), RequestNumbers.Normalize(typed));
}
