using Ciudad.Forms;
using Ciudad.Forms.Pdf;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Forms.Tests.Pdf;

public sealed class ImportPdfVerbTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ciudad-import-pdf-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        using var errors = new StringWriter();
        var verb = new ImportPdfVerb { Errors = errors };
        var rest = arguments.ToList();
        Assert.Null(verb.TakeOptions(rest));
        using var output = new StringWriter();
        await using var services = new ServiceCollection().BuildServiceProvider();
        var code = await verb.RunAsync(services, output, CancellationToken.None);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task It_prints_a_definition_that_reads_back_and_its_warnings_apart()
    {
        var file = Path.Combine(_directory, "dog-licence.pdf");
        await File.WriteAllBytesAsync(file, FillablePdf.Create("Dog licence").Page(p => p
            .Text("owner_name", "Owner's name", required: true)
            .Radio("size", "Size", false, null, "small", "large")
            .Button("reset")).ToBytes());

        var (code, output, errors) = await RunAsync(file, "--urls", "http://localhost:5000");

        Assert.Equal(0, code);
        var (definition, error) = FormDefinitionJson.Read(output);
        Assert.Null(error);
        Assert.Equal("Dog licence", definition!.Title["en"]);
        Assert.Equal(["owner_name", "size"], definition.AllFields.Select(f => f.Key));
        Assert.StartsWith("warning: Skipped the button", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_or_a_file_that_is_not_a_pdf_exits_2_with_one_line()
    {
        var (missingCode, missingOutput, missingErrors) = await RunAsync(Path.Combine(_directory, "nope.pdf"));
        var csv = Path.Combine(_directory, "people.csv");
        await File.WriteAllTextAsync(csv, "name\nAna\n");
        var (csvCode, _, csvErrors) = await RunAsync(csv);

        Assert.Equal((2, ""), (missingCode, missingOutput));
        Assert.EndsWith("nope.pdf: no such file.", missingErrors.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(2, csvCode);
        Assert.Contains("This file is not a PDF.", csvErrors, StringComparison.Ordinal);
        Assert.Single(csvErrors.TrimEnd().Split('\n'));
    }

    [Fact]
    public void It_needs_a_file()
    {
        Assert.Equal("forms import-pdf needs a <file.pdf>.", new ImportPdfVerb().TakeOptions(["--urls", "x"]));
    }
}
