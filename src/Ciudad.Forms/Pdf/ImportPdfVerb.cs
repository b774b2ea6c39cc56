using Ciudad.Platform.Modules;

namespace Ciudad.Forms.Pdf;

/// <summary>
/// <c>ciudad forms import-pdf FILE</c>: reads a fillable PDF and prints the draft form definition
/// (JSON, to import in the builder or keep); what could not be carried over goes to standard error
/// as <c>warning: …</c> lines, so the JSON can be redirected to a file. Exits 2 with one line when
/// the file cannot be read or is not a fillable PDF.
/// </summary>
internal sealed class ImportPdfVerb : ModuleVerb
{
    private string _file = "";

    public override IReadOnlyList<string> Words => ["forms", "import-pdf"];

    public override string Usage => "forms import-pdf <file.pdf>";

    public override string Summary => "Read a fillable PDF and print a draft form definition (JSON); warnings go to standard error.";

    /// <summary>Where warnings and the reason for failing go; standard error unless a test says otherwise.</summary>
    internal TextWriter Errors { get; init; } = Console.Error;

    public override string? TakeOptions(List<string> arguments)
    {
        // The file comes first; what follows is host configuration (--urls, ...).
        if (arguments.Count == 0 || arguments[0].StartsWith('-'))
        {
            return "forms import-pdf needs a <file.pdf>.";
        }
        _file = arguments[0];
        arguments.RemoveAt(0);
        return null;
    }

    public override async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        FormImport imported;
        try
        {
            await using var stream = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
            imported = AcroFormImporter.Import(stream, Path.GetFileName(_file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PdfImportException)
        {
            await Errors.WriteLineAsync($"Cannot import {_file}: {Reason(e)}");
            return 2;
        }
        await output.WriteLineAsync(FormDefinitionJson.Write(imported.Definition));
        foreach (var warning in imported.Warnings)
        {
            await Errors.WriteLineAsync("warning: " + warning);
        }
        return 0;
    }

    private static string Reason(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file.",
        UnauthorizedAccessException => "not allowed to read it.",
        _ => e.Message,
    };
}
