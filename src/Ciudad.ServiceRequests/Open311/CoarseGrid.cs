using Ciudad.ServiceRequests.Geo;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// Box searches over coarsened requests. <see cref="GeoPoint.Coarsen"/> publishes the centre of a
/// <see cref="CoarseCells"/> cell; this finds the exact-coordinate rectangles made of the cells
/// whose published centre lies inside a box, so SQL can filter on the stored (indexed) columns and
/// match exactly what the public sees. Each rectangle is a whole number of cells (rows sharing one
/// column width), so the answer for any box is the same for every point of a cell.
/// </summary>
internal static class CoarseGrid
{
    /// <summary>
    /// The rectangles (maxima exclusive) covering the cells whose centre lies in <paramref name="box"/>;
    /// empty when there is none. One rectangle per whole-degree reference latitude the box spans.
    /// </summary>
    public static IReadOnlyList<GeoBox> ExactRanges(GeoBox box, double cellMeters)
    {
        var latStep = CoarseCells.LatitudeStep(cellMeters);
        if (CentresWithin(box.MinLatitude, box.MaxLatitude, latStep) is not { } rows)
        {
            return [];
        }
        var ranges = new List<GeoBox>();
        for (var row = rows.First; row <= rows.Last; row++)
        {
            // Rows sharing a reference latitude share a column width: one rectangle for all of them.
            var reference = CoarseCells.ReferenceLatitude(row, cellMeters);
            var lastOfBand = LastRowOfBand(row, rows.Last, reference, cellMeters);
            var lonStep = CoarseCells.LongitudeStep(row, cellMeters);
            if (CentresWithin(box.MinLongitude, box.MaxLongitude, lonStep) is { } columns)
            {
                ranges.Add(new GeoBox(row * latStep, columns.First * lonStep, (lastOfBand + 1) * latStep, (columns.Last + 1) * lonStep));
            }
            row = lastOfBand;
        }
        return ranges;
    }

    /// <summary>The first and last cell k whose published centre lies in [min, max], or null.</summary>
    private static (long First, long Last)? CentresWithin(double min, double max, double step)
    {
        // The estimate from the unrounded centre (k + ½)·step, then corrected against the published
        // (rounded) centre so a box edge a few centimetres from a centre agrees with what is shown.
        var first = (long)Math.Ceiling((min / step) - 0.5);
        while (CoarseCells.Centre(first, step) < min)
        {
            first++;
        }
        while (CoarseCells.Centre(first - 1, step) >= min)
        {
            first--;
        }
        var last = (long)Math.Floor((max / step) - 0.5);
        while (CoarseCells.Centre(last, step) > max)
        {
            last--;
        }
        while (CoarseCells.Centre(last + 1, step) <= max)
        {
            last++;
        }
        return first > last ? null : (first, last);
    }

    /// <summary>The last row up to <paramref name="lastRow"/> whose reference latitude is still <paramref name="reference"/>.</summary>
    private static long LastRowOfBand(long row, long lastRow, double reference, double cellMeters)
    {
        // Reference latitudes only grow with the row; jump near the band's edge, then step onto it.
        var estimate = Math.Clamp(CoarseCells.Row(reference + 0.5, cellMeters), row, lastRow);
        while (estimate < lastRow && CoarseCells.ReferenceLatitude(estimate + 1, cellMeters) == reference)
        {
            estimate++;
        }
        while (CoarseCells.ReferenceLatitude(estimate, cellMeters) != reference)
        {
            estimate--;
        }
        return estimate;
    }
}
