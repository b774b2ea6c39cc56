using System.Diagnostics;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Tests.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Platform.Tests.CommandLine;

/// <summary>The operator's `ciudad audit verify`, run as the real executable against the app's database.</summary>
public sealed class AuditVerifyCommandTests
{
    [Theory, BothDatabases]
    public async Task Audit_verify_passes_on_an_intact_log_and_names_the_tampered_entry(TestDatabase db)
    {
        await using var app = await CiudadApp.StartAsync(db);
        await app.WithServicesAsync(async sp =>
        {
            var audit = sp.GetRequiredService<AuditLog>();
            await audit.RecordNowAsync("test.one");
            await audit.RecordNowAsync("test.two");
        });
        var connection = app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["ConnectionStrings:Ciudad"]!;

        var intact = await RunCiudadAsync(db, connection, "audit", "verify");
        var tamperedSequence = await app.WithDbAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(d.AuditEntries.Where(e => e.Action == "test.one").Select(e => e.Sequence)));
        await AuditTamperTests.TamperAsync(app, db, "UPDATE platform_audit_entries SET actor_email = {0} WHERE sequence = {1}", "someone@else.test", tamperedSequence);
        var broken = await RunCiudadAsync(db, connection, "audit", "verify");

        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("Audit log intact", intact.Output, StringComparison.Ordinal);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains($"BROKEN at entry {tamperedSequence}", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_verb()
    {
        var help = await RunCiudadAsync(TestDatabase.Sqlite, "Data Source=unused.db", "--help");

        Assert.Equal(0, help.ExitCode);
        foreach (var verb in new[] { "serve", "migrate", "seed-demo", "create-admin --email", "audit verify" })
        {
            Assert.Contains(verb, help.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_verb_fails_with_help()
    {
        var result = await RunCiudadAsync(TestDatabase.Sqlite, "Data Source=unused.db", "frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown command 'frobnicate'", result.Output, StringComparison.Ordinal);
    }

    internal static Task<(int ExitCode, string Output)> RunCiudadAsync(TestDatabase db, string connectionString, params string[] arguments) =>
        RunCiudadAsync(db, connectionString, new Dictionary<string, string>(), arguments);

    /// <param name="environment">Extra environment variables, e.g. ASPNETCORE_ENVIRONMENT.</param>
    internal static Task<(int ExitCode, string Output)> RunCiudadAsync(TestDatabase db, string connectionString, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunCiudadInAsync(null, db, connectionString, environment, arguments);

    /// <param name="workingDirectory">The content root, where appsettings.json is read; the test's own folder when null.</param>
    internal static async Task<(int ExitCode, string Output)> RunCiudadInAsync(string? workingDirectory, TestDatabase db, string connectionString, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "Ciudad.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "" };
        start.ArgumentList.Add(web);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["Ciudad__Database__Provider"] = db == TestDatabase.Sqlite ? "Sqlite" : "Postgres";
        start.Environment["ConnectionStrings__Ciudad"] = connectionString;
        start.Environment["Ciudad__DataFolder"] = Path.Combine(Path.GetTempPath(), "ciudad-tests", "cli");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }
}
