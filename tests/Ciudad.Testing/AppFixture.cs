using System.Collections.Concurrent;
using Xunit;

namespace Ciudad.Testing;

/// <summary>
/// One app per database for a test class, started on first use. Tests in a class share it, so they
/// create their own people and data (unique emails) rather than assume an empty database.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<TestDatabase, Lazy<Task<CiudadApp>>> _apps = new();

    public Task<CiudadApp> For(TestDatabase database) =>
        _apps.GetOrAdd(database, db => new Lazy<Task<CiudadApp>>(() => CiudadApp.StartAsync(db))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
        {
            await (await app.Value).DisposeAsync();
        }
    }
}
