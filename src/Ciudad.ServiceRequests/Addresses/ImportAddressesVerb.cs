using System.Globalization;
using Ciudad.Platform.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Addresses;

/// <summary>
/// <c>ciudad addresses import FILE</c>: loads the city's address points (CSV or GeoJSON, as exported
/// from its open-data or GIS portal) for the address locator. Prints what it imported, updated and
/// skipped (with reasons); exits 2 with one line when it cannot read the file.
/// </summary>
internal sealed class ImportAddressesVerb : ModuleVerb
{
    private string _file = "";

    public override IReadOnlyList<string> Words => ["addresses", "import"];

    public override string Usage => "addresses import FILE";

    public override string Summary => "Load the city's address points (CSV or GeoJSON from its open-data portal) for address search and placing address-only reports; re-importing updates.";

    public override string? TakeOptions(List<string> arguments)
    {
        // The file comes first; what follows is host configuration (--urls, ...).
        if (arguments.Count == 0 || arguments[0].StartsWith('-'))
        {
            return "addresses import needs a FILE (.csv, .geojson or .geojsonl).";
        }
        _file = arguments[0];
        arguments.RemoveAt(0);
        return null;
    }

    public override async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        AddressImportReport report;
        try
        {
            await using var stream = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
            var rows = AddressFile.ReadAsync(stream, _file, cancellationToken);
            report = await scope.ServiceProvider.GetRequiredService<AddressImport>().ImportAsync(rows, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or AddressFileException)
        {
            await output.WriteLineAsync($"Cannot import {_file}: {Reason(e)}");
            return 2;
        }
        await WriteReportAsync(report, output);
        return 0;
    }

    internal static async Task WriteReportAsync(AddressImportReport report, TextWriter output)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Addresses: {report.Imported:N0} imported, {report.Updated:N0} updated, {report.Unchanged:N0} unchanged, {report.Skipped:N0} skipped."));
        foreach (var (reason, count) in report.SkippedByReason.OrderByDescending(r => r.Value))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  skipped {count:N0}: {reason}"));
        }
        foreach (var (line, reason) in report.Examples)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  row {line}: {reason}"));
        }
    }

    private static string Reason(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file.",
        UnauthorizedAccessException => "not allowed to read it.",
        _ => e.Message,
    };
}
