using System.Reflection;
using Npgsql;
using Xunit.Sdk;

namespace Ciudad.Testing;

public enum TestDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>Runs a data test once on SQLite and once on PostgreSQL, as every data test must.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[TestDatabase.Sqlite], [TestDatabase.Postgres]];
}

/// <summary>
/// A fresh database per test app with the real migrations applied: a copy of the migrated SQLite
/// file, or a new PostgreSQL database made from the migrated template (see <see cref="DatabaseTemplates"/>).
/// </summary>
public sealed class ProvisionedDatabase : IAsyncDisposable
{
    /// <summary>
    /// Server connection string for PostgreSQL tests. scripts/test.sh starts a throwaway server and
    /// sets it; running the tests without it fails loudly rather than silently skipping half of them.
    /// </summary>
    public const string PostgresVariable = "CIUDAD_TEST_POSTGRES";

    private readonly string? _postgresDatabase;

    private ProvisionedDatabase(TestDatabase kind, string connectionString, string? postgresDatabase)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _postgresDatabase = postgresDatabase;
    }

    public TestDatabase Kind { get; }
    public string ConnectionString { get; }

    /// <summary>The same database for another user (a second app instance), who leaves it when done.</summary>
    public ProvisionedDatabase Borrowed() => new(Kind, ConnectionString, null);

    public static async Task<ProvisionedDatabase> CreateAsync(TestDatabase kind, string dataFolder)
    {
        if (kind == TestDatabase.Sqlite)
        {
            Directory.CreateDirectory(dataFolder);
            var path = Path.Combine(dataFolder, "ciudad-test.db");
            await DatabaseTemplates.CopySqliteToAsync(path);
            return new(kind, $"Data Source={path};Pooling=False", null);
        }
        var server = PostgresServer;
        var name = $"ciudad_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await DatabaseTemplates.CreatePostgresDatabaseAsync(connection, name);
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new(kind, builder.ConnectionString, name);
    }

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with ./scripts/test.sh, which starts a throwaway PostgreSQL, " +
                $"or set {PostgresVariable} to a server connection string (a superuser that may create databases).");

    public async ValueTask DisposeAsync()
    {
        if (_postgresDatabase is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
