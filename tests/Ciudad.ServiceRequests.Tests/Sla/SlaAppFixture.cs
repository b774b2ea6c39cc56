using System.Collections.Concurrent;

namespace Ciudad.ServiceRequests.Tests.Sla;

/// <summary>
/// An app per database with the SLA job switched off, so that only the test decides when a pass
/// runs and with what clock.
/// </summary>
public sealed class SlaAppFixture : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Ciudad:ServiceRequests:SlaMonitorEnabled"] = "false",
    };

    private readonly ConcurrentDictionary<TestDatabase, Lazy<Task<CiudadApp>>> _apps = new();

    public Task<CiudadApp> For(TestDatabase database) =>
        _apps.GetOrAdd(database, db => new Lazy<Task<CiudadApp>>(() => CiudadApp.StartAsync(db, Settings))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
        {
            await (await app.Value).DisposeAsync();
        }
    }
}
