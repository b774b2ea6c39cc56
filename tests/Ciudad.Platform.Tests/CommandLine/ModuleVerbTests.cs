namespace Ciudad.Platform.Tests.CommandLine;

/// <summary>Modules bring their own command-line verbs; the host lists and runs them like its own.</summary>
public sealed class ModuleVerbTests
{
    private static readonly Dictionary<string, string> WithSample = new() { ["Ciudad__Modules__Load__0"] = SampleModule.SampleModule.TypeName };

    [Fact]
    public async Task Help_lists_each_module_verb()
    {
        var help = await AuditVerifyCommandTests.RunCiudadAsync(TestDatabase.Sqlite, "Data Source=unused.db", WithSample, "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("apikey create --name N [--limit P]", help.Output, StringComparison.Ordinal);
        Assert.Contains("requests synthesize --count N [--seed S]", help.Output, StringComparison.Ordinal);
        Assert.Contains("sample greet --name N", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_module_verb_runs_with_its_options_and_reports_its_own_errors()
    {
        var database = Path.Combine(Path.GetTempPath(), "ciudad-tests", $"verb-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var connection = $"Data Source={database}";

        var greeted = await AuditVerifyCommandTests.RunCiudadAsync(TestDatabase.Sqlite, connection, WithSample, "sample", "greet", "--name", "Ana");
        var missing = await AuditVerifyCommandTests.RunCiudadAsync(TestDatabase.Sqlite, connection, WithSample, "sample", "greet");
        var unloaded = await AuditVerifyCommandTests.RunCiudadAsync(TestDatabase.Sqlite, connection, "sample", "greet", "--name", "Ana");

        Assert.Equal(0, greeted.ExitCode);
        Assert.Contains("Hello, Ana, from the sample module.", greeted.Output, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("sample greet needs --name <name>.", missing.Output, StringComparison.Ordinal);
        Assert.Equal(2, unloaded.ExitCode);
        Assert.Contains("Unknown command 'sample'", unloaded.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_module_loaded_from_appsettings_brings_its_verbs_too()
    {
        var contentRoot = Path.Combine(Path.GetTempPath(), "ciudad-tests", $"settings-{Guid.NewGuid():N}");
        Directory.CreateDirectory(contentRoot);
        var load = System.Text.Json.JsonSerializer.Serialize(SampleModule.SampleModule.TypeName);
        await File.WriteAllTextAsync(Path.Combine(contentRoot, "appsettings.json"), $$"""{ "Ciudad": { "Modules": { "Load": [ {{load}} ] } } }""");

        var greeted = await AuditVerifyCommandTests.RunCiudadInAsync(contentRoot, TestDatabase.Sqlite, $"Data Source={Path.Combine(contentRoot, "ciudad.db")}",
            new Dictionary<string, string>(), "sample", "greet", "--name", "Ana");

        Assert.Equal(0, greeted.ExitCode);
        Assert.Contains("Hello, Ana, from the sample module.", greeted.Output, StringComparison.Ordinal);
    }
}
