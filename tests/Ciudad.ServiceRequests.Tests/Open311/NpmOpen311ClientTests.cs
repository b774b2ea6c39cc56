using System.Diagnostics;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>
/// npm's <c>open311</c> client (codeforamerica/node-open311) run against Ciudad: the script in
/// <c>tests/open311-npm</c> lists services, files a request with an API key and reads it back.
/// The package installs only with overrides for two dead dependencies (see that folder's stubs);
/// scripts/test.sh runs <c>npm ci</c> there.
/// </summary>
public sealed class NpmOpen311ClientTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task The_npm_open311_client_lists_files_and_reads_requests(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync();
        var folder = Path.Combine(RepositoryRoot(), "tests", "open311-npm");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "open311")),
            $"npm's open311 client is not installed: run 'npm ci' in {folder} (scripts/test.sh does).");

        var start = new ProcessStartInfo("node", ["--test", "open311-npm.test.js"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["OPEN311_BASE"] = new Uri(app.BaseAddress, Open311Kit.Base + "/").ToString();
        start.Environment["OPEN311_API_KEY"] = key;
        start.Environment["OPEN311_JURISDICTION"] = "elpasotexas.gov";
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await node.WaitForExitAsync(timeout.Token);

        Assert.True(node.ExitCode == 0, $"node --test exited with {node.ExitCode}:\n{await output}\n{await errors}");
        Assert.Contains("# pass 2", await output, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ciudad.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Ciudad.slnx not found above " + AppContext.BaseDirectory);
    }
}
