using Ciudad.ServiceRequests.Addresses;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Tests.Addresses;

/// <summary><c>ciudad addresses import FILE</c>: CSV and GeoJSON as cities publish them, counts, reasons, re-import and unreadable files.</summary>
public sealed class ImportVerbTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<(int ExitCode, string Output)> RunAsync(CiudadApp app, params string[] arguments)
    {
        var verb = new ImportAddressesVerb();
        var rest = arguments.ToList();
        if (verb.TakeOptions(rest) is { } error)
        {
            return (2, error);
        }
        using var output = new StringWriter();
        var exit = await app.WithServicesAsync(sp => verb.RunAsync(sp, output, CancellationToken.None));
        return (exit, output.ToString());
    }

    private static string WriteFile(string extension, string content)
    {
        var path = Path.Combine(Path.GetTempPath(), "ciudad-tests", $"addresses-{Guid.NewGuid():N}{extension}");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Theory, BothDatabases]
    public async Task A_csv_is_imported_with_counts_and_each_bad_row_reported_and_importing_again_updates_instead_of_adding(TestDatabase db)
    {
        var app = await fixture.For(db);
        // A "b" in the name, like the unit: the unit must still be added (a substring test once dropped it).
        var street = "Yandell b" + Guid.NewGuid().ToString("N")[..6];
        var csv = WriteFile(".csv", $"""
            OBJECTID,ADD_NUMBER,ST_PREDIR,ST_NAME,ST_POSTYP,UNIT,ZIP,LAT,LON
            1,100,E,{street},DR,,79902,31.7600,-106.4800
            2,102,E,{street},DR,,79902,31.76005,-106.4801
            3,104,E,{street},DR,"B",79902,31.7601,-106.4802
            4,106,E,{street},DR,,79902,,
            5,108,E,{street},DR,,79902,31.0000,-106.0000
            6,110,E,{street},DR,,79902,10750000.5,3560000.2
            7,,E,{street},DR,,79902,31.7602,-106.4803
            8,100,E,{street},DR,,79902,31.7600,-106.4800
            """);

        var first = await RunAsync(app, csv);
        var moved = csv.Replace(".csv", "-moved.csv", StringComparison.Ordinal);
        File.WriteAllText(moved, File.ReadAllText(csv).Replace("2,102,E," + street + ",DR,,79902,31.76005", "2,102,E," + street + ",DR,,79902,31.76006", StringComparison.Ordinal));
        var second = await RunAsync(app, moved);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Addresses: 3 imported, 0 updated, 0 unchanged, 5 skipped.", first.Output, StringComparison.Ordinal);
        Assert.Contains("row 5: no coordinates", first.Output, StringComparison.Ordinal);
        Assert.Contains("row 6: outside the city limits", first.Output, StringComparison.Ordinal);
        Assert.Contains("row 7: coordinates are not longitude/latitude", first.Output, StringComparison.Ordinal);
        Assert.Contains("row 8: no house number", first.Output, StringComparison.Ordinal);
        Assert.Contains("row 9: the same address as an earlier row", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Addresses: 0 imported, 1 updated, 2 unchanged, 5 skipped.", second.Output, StringComparison.Ordinal);
        var streetName = street.ToLowerInvariant(); // stored normalized (lower case)
        var stored = await app.WithDbAsync(d => d.AddressPoints().AsNoTracking().Where(a => a.StreetName == streetName).OrderBy(a => a.Number).ToListAsync());
        Assert.Equal(["100 E " + street + " DR", "102 E " + street + " DR", "104 E " + street + " DR Unit B"], stored.Select(a => a.Label));
        Assert.Equal(31.76006, stored[1].Latitude);
    }

    [Theory, BothDatabases]
    public async Task A_geojson_feature_collection_of_points_is_imported_and_other_shapes_are_reported(TestDatabase db)
    {
        var app = await fixture.For(db);
        var geojson = WriteFile(".geojson", """
            {"type":"FeatureCollection","name":"Address_Points","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},
             "features":[
              {"type":"Feature","properties":{"FULL_ADDRESS":"2400 ALAMEDA AVE","ZIP_CODE":"79901"},"geometry":{"type":"Point","coordinates":[-106.4700,31.7560]}},
              {"type":"Feature","properties":{"FULL_ADDRESS":"2402 ALAMEDA AVE","ZIP_CODE":79901},"geometry":{"type":"Point","coordinates":[-106.4701,31.7561]}},
              {"type":"Feature","properties":{"FULL_ADDRESS":"2404 ALAMEDA AVE"},"geometry":{"type":"LineString","coordinates":[[-106.47,31.756],[-106.48,31.757]]}},
              {"type":"Feature","properties":{"FULL_ADDRESS":"ALAMEDA AVE"},"geometry":{"type":"Point","coordinates":[-106.4702,31.7562]}}
             ]}
            """);

        var result = await RunAsync(app, geojson);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Addresses: 2 imported, 0 updated, 0 unchanged, 2 skipped.", result.Output, StringComparison.Ordinal);
        Assert.Contains("row 3: geometry is a LineString, not a point", result.Output, StringComparison.Ordinal);
        Assert.Contains("row 4: no house number", result.Output, StringComparison.Ordinal);
        var labels = await app.WithDbAsync(d => d.AddressPoints().Where(a => a.StreetName == "alameda" && a.Number.StartsWith("240")).Select(a => a.Label).ToListAsync());
        Assert.Equal(["2400 Alameda Ave", "2402 Alameda Ave"], labels.Order(StringComparer.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task A_file_it_cannot_read_exits_2_with_one_line_saying_why(TestDatabase db)
    {
        var app = await fixture.For(db);
        var missing = Path.Combine(Path.GetTempPath(), "ciudad-tests", "no-such-addresses.csv");
        var noCoordinates = WriteFile(".csv", "address,zip\n1 Main St,79901\n");
        var broken = WriteFile(".geojson", """{"type":"FeatureCollection","features":[{"type":"Feature",""");
        var spreadsheet = WriteFile(".xlsx", "PK");

        foreach (var (file, reason) in new[]
        {
            (missing, "no such file."),
            (noCoordinates, "no coordinate columns"),
            (broken, "feature 1"),
            (spreadsheet, "unknown kind of file"),
        })
        {
            var result = await RunAsync(app, file);
            Assert.Equal(2, result.ExitCode);
            var line = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"Cannot import {file}: ", line, StringComparison.Ordinal);
            Assert.Contains(reason, line, StringComparison.Ordinal);
        }
        Assert.Equal((2, "addresses import needs a FILE (.csv, .geojson or .geojsonl)."), await RunAsync(app));
    }
}
