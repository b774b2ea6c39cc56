using Ciudad.Platform.Data;
using Ciudad.Platform.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Testing;

/// <summary>
/// The real Ciudad on Kestrel (real HTTP on a loopback port), over a fresh SQLite file or
/// PostgreSQL database, migrated with the real migrations (applied once per test run into a template
/// that each test database copies) and seeded with the demo data.
/// Email goes to a pickup folder the <see cref="Mailbox"/> reads once it has driven the outbox.
/// </summary>
public sealed class CiudadApp : WebApplicationFactory<Program>
{
    private readonly ProvisionedDatabase _database;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _configureServices;

    private CiudadApp(ProvisionedDatabase database, string dataFolder, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices)
    {
        _configureServices = configureServices;
        _database = database;
        DataFolder = dataFolder;
        _settings = settings;
        Mailbox = new Mailbox(Path.Combine(dataFolder, settings.GetValueOrDefault(PickupFolderSetting) ?? "mail"), () => OutboxDelivery.DeliverDueAsync(Services));
        UseKestrel(0);
    }

    /// <summary>PBKDF2 rounds per password hash in test apps (production: Identity's default, 100,000).</summary>
    public const int TestPasswordRounds = 1_000;

    public TestDatabase Database => _database.Kind;
    public string DataFolder { get; }
    public Mailbox Mailbox { get; }
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>Starts an app. <paramref name="settings"/> override configuration (keys like "Ciudad:Security:RequireStaffMfa").</summary>
    public static async Task<CiudadApp> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var dataFolder = NewDataFolder();
        var provisioned = await ProvisionedDatabase.CreateAsync(database, dataFolder); // already migrated
        return await LaunchAsync(provisioned, dataFolder, settings, configureServices, seed: true);
    }

    /// <summary>
    /// One more instance on a database already migrated (see <see cref="CiudadInstances"/>): its own
    /// data folder and port, the same database. Disposing it leaves the database to its owner.
    /// </summary>
    internal static Task<CiudadApp> StartInstanceAsync(ProvisionedDatabase shared, IReadOnlyDictionary<string, string?> settings, bool seed) =>
        LaunchAsync(shared.Borrowed(), NewDataFolder(), settings, null, seed);

    private static async Task<CiudadApp> LaunchAsync(ProvisionedDatabase provisioned, string dataFolder,
        IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? configureServices, bool seed)
    {
        var app = new CiudadApp(provisioned, dataFolder, settings ?? new Dictionary<string, string?>(), configureServices);
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        app.BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        if (seed)
        {
            await app.PrepareDatabaseAsync();
        }
        return app;
    }

    private static string NewDataFolder() => Path.Combine(Path.GetTempPath(), "ciudad-tests", Guid.NewGuid().ToString("N"));

    internal const string PickupFolderSetting = "Ciudad:Email:PickupFolder";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var defaults = new Dictionary<string, string?>
        {
            ["Ciudad:DataFolder"] = DataFolder,
            ["Ciudad:Database:Provider"] = _database.Kind == TestDatabase.Sqlite ? "Sqlite" : "Postgres",
            ["Ciudad:Database:MigrateAndSeedOnStart"] = "false", // the database comes migrated, as an operator's `ciudad migrate` leaves it
            ["ConnectionStrings:Ciudad"] = _database.ConnectionString,
            ["Ciudad:Security:RequireHttps"] = "false",
            ["Ciudad:Security:PublicPostsPerMinute"] = "10000",
            ["Ciudad:Security:AccountAttemptsPerMinute"] = "10000",
            ["Ciudad:Open311:RejectedKeyPostsPerMinute"] = "10000",
            ["Ciudad:Outbox:PollInterval"] = "00:00:00.100",
            ["Ciudad:Email:Delivery"] = "Pickup",
            // Tests create the requests they look at; the demo's 300 would only blur counts and lists.
            ["Ciudad:ServiceRequests:DemoRequests"] = "0",
            // Likewise the demo's generated address points: address tests import the few they need.
            ["Ciudad:ServiceRequests:DemoAddresses"] = "0",
            // The SLA job would email demo managers at random moments; its tests run it on purpose.
            ["Ciudad:ServiceRequests:SlaMonitorEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in defaults.Concat(_settings))
        {
            builder.UseSetting(key, value);
        }
        // Production hashes a password with 100,000 PBKDF2 rounds (about 0.1 s of CPU); the suite
        // creates and signs in people about a thousand times and checks who may sign in, not how
        // slowly, so it uses fewer rounds. Same hasher, same format; a test may still replace it.
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordRounds));
        if (_configureServices is not null)
        {
            builder.ConfigureServices(_configureServices);
        }
    }

    /// <summary>Applies the real migrations before the app starts, as an operator's `ciudad migrate` would.</summary>
    internal static async Task MigrateAsync(ProvisionedDatabase database)
    {
        var provider = database.Kind == TestDatabase.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
        await using var db = DatabaseSetup.CreateDesignTimeContext(provider, database.ConnectionString, Ciudad.Web.CiudadModules.Model);
        await db.Database.MigrateAsync();
    }

    private async Task PrepareDatabaseAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
    }

    /// <summary>Runs work with the app's own services (a fresh scope), e.g. to read the database.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task WithServicesAsync(Func<IServiceProvider, Task> work) =>
        WithServicesAsync<bool>(async sp => { await work(sp); return true; });

    public Task<T> WithDbAsync<T>(Func<CiudadDbContext, Task<T>> work) =>
        WithServicesAsync(sp => work(sp.GetRequiredService<CiudadDbContext>()));

    /// <summary>
    /// A new visitor with their own cookies; pass a culture to send it as Accept-Language, and a
    /// loopback address (127.0.0.N) for a visitor the app sees at another address.
    /// </summary>
    public WebSession NewSession(string? acceptLanguage = null, string? fromAddress = null) => new(BaseAddress, acceptLanguage, fromAddress);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing background task; the OS temp cleaner will take it.
        }
    }
}
