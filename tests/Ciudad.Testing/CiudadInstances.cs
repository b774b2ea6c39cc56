namespace Ciudad.Testing;

/// <summary>
/// Two instances of Ciudad behind an imaginary load balancer, as a city runs it for capacity: each on
/// its own Kestrel port with its own data folder and its own background work (outbox dispatcher, SLA
/// job), both on one PostgreSQL database and one Redis (one key prefix). Both deliver email to one
/// pickup folder, the <see cref="Mailbox"/>, so a message delivered twice shows up twice.
/// </summary>
public sealed class CiudadInstances : IAsyncDisposable
{
    private readonly ProvisionedDatabase _database;
    private readonly string _folder;
    private bool _stopped;

    private CiudadInstances(ProvisionedDatabase database, string folder, CiudadApp a, CiudadApp b)
    {
        _database = database;
        _folder = folder;
        A = a;
        B = b;
        // Both instances' own outbox jobs deliver here: what is measured is that they do it exactly
        // once between them, so the tests read the folder after StopAsync, never driving delivery.
        Mailbox = new Mailbox(Path.Combine(folder, "mail"), () => Task.CompletedTask);
    }

    public CiudadApp A { get; }
    public CiudadApp B { get; }

    /// <summary>Every message either instance delivered.</summary>
    public Mailbox Mailbox { get; }

    /// <summary>
    /// Migrates one PostgreSQL database and starts two instances on it. <paramref name="settings"/>
    /// apply to both (on top of <see cref="CiudadApp"/>'s test defaults).
    /// </summary>
    public static async Task<CiudadInstances> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ciudad-tests", "instances-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = await ProvisionedDatabase.CreateAsync(TestDatabase.Postgres, folder);
        await CiudadApp.MigrateAsync(database);
        var shared = new Dictionary<string, string?>(TestRedis.Settings(LimitStore.Redis))
        {
            [CiudadApp.PickupFolderSetting] = Path.Combine(folder, "mail"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            shared[key] = value;
        }
        var a = await CiudadApp.StartInstanceAsync(database, shared, seed: true);
        var b = await CiudadApp.StartInstanceAsync(database, shared, seed: false);
        return new CiudadInstances(database, folder, a, b);
    }

    /// <summary>
    /// Stops both instances and their background work, so nothing in flight can deliver anything
    /// more: what the mailbox holds then is all there will be. The database stays until disposal.
    /// </summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        await A.DisposeAsync();
        await B.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing background task; the OS temp cleaner will take it.
        }
    }
}
