using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Ciudad.ServiceRequests.Seeding;

/// <summary>
/// Binary COPY on the DbContext's own connection: hundreds of thousands of rows a second, where
/// row-by-row INSERTs manage a few thousand.
/// </summary>
internal sealed class PostgresBulkWriter(CiudadDbContext db) : BulkRequestWriter(db)
{
    private const string UniqueViolation = "23505";

    public override async Task<bool> TryWriteAsync(IReadOnlyList<ServiceRequest> batch, CancellationToken cancellationToken)
    {
        await Db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)Db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var ids = await ReserveIdsAsync(connection, transaction, batch.Count, cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Id = ids[i];
                LinkChildren(batch[i]);
            }
            await CopyAsync(connection, Requests, batch, cancellationToken);
            await CopyAsync(connection, Answers, batch.SelectMany(r => r.Answers), cancellationToken);
            await CopyAsync(connection, Events, batch.SelectMany(r => r.Events), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
    }

    public override async Task FinishAsync(CancellationToken cancellationToken)
    {
        foreach (var table in new[] { Requests.Table, Answers.Table, Events.Table })
        {
            // The table names come from the EF model, not from input.
#pragma warning disable EF1002
            await Db.Database.ExecuteSqlRawAsync($"ANALYZE {table}", cancellationToken);
#pragma warning restore EF1002
        }
    }

    /// <summary>Ids from the table's own identity sequence, so later inserts by the app never collide with them.</summary>
    private async Task<long[]> ReserveIdsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int count, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT nextval(pg_get_serial_sequence('{Requests.Table}', 'id')) FROM generate_series(1, $1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        var ids = new long[count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; await reader.ReadAsync(cancellationToken); i++)
        {
            ids[i] = reader.GetInt64(0);
        }
        return ids;
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, EntityColumns<T> table, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var columns = table.Columns;
        var types = columns.Select(c => DbType(c.ProviderType)).ToArray();
        var names = string.Join(", ", columns.Select(c => '"' + c.Name + '"'));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table.Table} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Read(row) is { } value)
                {
                    await importer.WriteAsync(value, types[i], cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static NpgsqlDbType DbType(Type type) => type switch
    {
        _ when type == typeof(int) => NpgsqlDbType.Integer,
        _ when type == typeof(long) => NpgsqlDbType.Bigint,
        _ when type == typeof(short) => NpgsqlDbType.Smallint,
        _ when type == typeof(bool) => NpgsqlDbType.Boolean,
        _ when type == typeof(double) => NpgsqlDbType.Double,
        _ when type == typeof(string) => NpgsqlDbType.Text,
        _ when type == typeof(DateTimeOffset) => NpgsqlDbType.TimestampTz,
        _ when type == typeof(Guid) => NpgsqlDbType.Uuid,
        _ when type == typeof(byte[]) => NpgsqlDbType.Bytea,
        _ => throw new NotSupportedException($"No COPY mapping for {type.Name}."),
    };
}
