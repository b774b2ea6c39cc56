namespace Ciudad.Web.Tests.Instances;

/// <summary>
/// Two instances on one PostgreSQL and one Redis for the class's tests, with a public POST limit low
/// enough to reach. Tests connect from their own loopback address so their counts stay apart.
/// </summary>
public sealed class InstancesFixture : IAsyncLifetime
{
    public const int PublicPostsPerMinute = 6;

    private CiudadInstances? _instances;

    public CiudadInstances Instances => _instances ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() =>
        _instances = await CiudadInstances.StartAsync(new Dictionary<string, string?>
        {
            ["Ciudad:Security:PublicPostsPerMinute"] = PublicPostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public async Task DisposeAsync()
    {
        if (_instances is not null)
        {
            await _instances.DisposeAsync();
        }
    }
}
