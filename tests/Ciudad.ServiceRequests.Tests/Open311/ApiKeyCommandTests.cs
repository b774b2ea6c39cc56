using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Ciudad.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary><c>ciudad apikey create</c>, run as the real executable against the app's database.</summary>
public sealed partial class ApiKeyCommandTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task The_command_prints_a_working_key_once_and_audits_the_issue_without_it(TestDatabase db)
    {
        var app = await fixture.For(db);

        var result = await RunCiudadAsync(app, "apikey", "create", "--name", "Partner app", "--limit", "7");

        Assert.True(result.ExitCode == 0, result.Output);
        var key = Assert.Single(KeyLine().Matches(result.Output)).Value;
        Assert.Contains("7 POSTs per minute", result.Output, StringComparison.Ordinal);
        var filed = await app.Open311PostAsync("json", Open311Kit.PotholeFields(key));
        Assert.Equal(HttpStatusCode.OK, filed.Status);
        var audit = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(e => e.Action == "open311.apikey-issued").ToListAsync());
        var entry = Assert.Single(audit, e => e.AfterJson!.Contains("Partner app", StringComparison.Ordinal));
        Assert.Equal("system", entry.ActorEmail);
        Assert.DoesNotContain(key, entry.AfterJson!, StringComparison.Ordinal);
        Assert.Contains(key[5..13], entry.AfterJson!, StringComparison.Ordinal); // the prefix people recognise
    }

    [Fact]
    public async Task Without_a_name_the_command_fails_with_help()
    {
        await using var app = await CiudadApp.StartAsync(TestDatabase.Sqlite);

        var result = await RunCiudadAsync(app, "apikey", "create", "--limit", "5");
        var help = await RunCiudadAsync(app, "--help");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("apikey create needs --name", result.Output, StringComparison.Ordinal);
        Assert.Contains("apikey create --name", help.Output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunCiudadAsync(CiudadApp app, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Ciudad.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["Ciudad__Database__Provider"] = app.Database == TestDatabase.Sqlite ? "Sqlite" : "Postgres";
        start.Environment["ConnectionStrings__Ciudad"] = app.Services.GetRequiredService<IConfiguration>()["ConnectionStrings:Ciudad"];
        start.Environment["Ciudad__DataFolder"] = Path.Combine(app.DataFolder, "cli");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex("^c311_[a-z2-7]{32}$", RegexOptions.Multiline)]
    private static partial Regex KeyLine();
}
