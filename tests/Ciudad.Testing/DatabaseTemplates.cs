using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Ciudad.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ciudad.Testing;

/// <summary>
/// Each provider's real migrations applied once, into a template that every test database copies:
/// a PostgreSQL template database (<c>CREATE DATABASE … TEMPLATE</c>) and a SQLite file. Migrating
/// is most of what a fresh test database used to cost; copying a migrated one is a fraction of it.
/// </summary>
internal static class DatabaseTemplates
{
    // Any constant shared by every test process on the server; serializes template creation.
    private const long PostgresTemplateLock = 0x43_69_75_64_61_64; // "Ciudad"

    private static readonly Lazy<Task<string>> Sqlite = new(CreateSqliteTemplateAsync);
    private static readonly Lazy<Task<string>> Postgres = new(EnsurePostgresTemplateAsync);

    /// <summary>Copies the migrated SQLite template to <paramref name="path"/>.</summary>
    public static async Task CopySqliteToAsync(string path) => File.Copy(await Sqlite.Value, path);

    /// <summary>Creates <paramref name="name"/> as a copy of the migrated PostgreSQL template.</summary>
    public static async Task CreatePostgresDatabaseAsync(NpgsqlConnection server, string name)
    {
        var template = await Postgres.Value;
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template}", server);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One file per test process, deleted when the process ends.</summary>
    private static async Task<string> CreateSqliteTemplateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ciudad-tests", "templates");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"sqlite-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        await MigrateAsync(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }

    /// <summary>
    /// One template per version of the migrations, shared by every test process on the server (the
    /// test projects run at the same time). The name carries the migrations' hash, so a changed
    /// migration never copies an old schema; an advisory lock lets one process build it while the
    /// others wait; a build that died halfway is not marked as a template and is rebuilt.
    /// </summary>
    private static async Task<string> EnsurePostgresTemplateAsync()
    {
        var name = $"ciudad_template_{MigrationsHash()}";
        await using var server = new NpgsqlConnection(ProvisionedDatabase.PostgresServer);
        await server.OpenAsync();
        await ExecuteAsync(server, $"SELECT pg_advisory_lock({PostgresTemplateLock})");
        try
        {
            await using (var check = new NpgsqlCommand("SELECT datistemplate FROM pg_database WHERE datname = @name", server))
            {
                check.Parameters.AddWithValue("name", name);
                switch (await check.ExecuteScalarAsync())
                {
                    case true:
                        return name;
                    case false:
                        await ExecuteAsync(server, $"DROP DATABASE {name} WITH (FORCE)");
                        break;
                }
            }
            await ExecuteAsync(server, $"CREATE DATABASE {name}");
            // No pooling: no idle connection may stay on a template, or copying it fails.
            var connectionString = new NpgsqlConnectionStringBuilder(ProvisionedDatabase.PostgresServer) { Database = name, Pooling = false };
            await MigrateAsync(DatabaseProvider.Postgres, connectionString.ConnectionString);
            await ExecuteAsync(server, $"ALTER DATABASE {name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
            return name;
        }
        finally
        {
            await ExecuteAsync(server, $"SELECT pg_advisory_unlock({PostgresTemplateLock})");
        }
    }

    /// <summary>The real migrations, as an operator's <c>ciudad migrate</c> applies them.</summary>
    private static async Task MigrateAsync(DatabaseProvider provider, string connectionString)
    {
        await using var db = DatabaseSetup.CreateDesignTimeContext(provider, connectionString, Ciudad.Web.CiudadModules.Model);
        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// Changes whenever the PostgreSQL migrations or the provider that turns them into SQL change
    /// (deterministic builds give an assembly a new MVID exactly when its content changes).
    /// </summary>
    private static string MigrationsHash()
    {
        var migrations = Assembly.Load(DatabaseSetup.PostgresMigrationsAssembly);
        var identity = string.Join("|", migrations.ManifestModule.ModuleVersionId, typeof(NpgsqlConnection).Assembly.ManifestModule.ModuleVersionId,
            typeof(NpgsqlDbContextOptionsBuilderExtensions).Assembly.ManifestModule.ModuleVersionId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        // Long timeout: waiting on the advisory lock lasts as long as another test process takes to
        // migrate the template, well over Npgsql's 30 s default on a busy machine.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}
