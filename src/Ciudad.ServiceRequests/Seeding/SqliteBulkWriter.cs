using System.Data.Common;
using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Requests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Seeding;

/// <summary>
/// Prepared INSERTs inside one transaction per batch: SQLite's fast path (a transaction per row
/// would wait on the disk for each one).
/// </summary>
internal sealed class SqliteBulkWriter(CiudadDbContext db) : BulkRequestWriter(db)
{
    private const int ConstraintViolation = 19;

    public override async Task<bool> TryWriteAsync(IReadOnlyList<ServiceRequest> batch, CancellationToken cancellationToken)
    {
        await Db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)Db.Database.GetDbConnection();
        // IMMEDIATE: takes the write lock now, so the ids chosen below stay free until commit.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var nextId = await NextIdAsync(connection, transaction, cancellationToken);
            foreach (var request in batch)
            {
                request.Id = nextId++;
                LinkChildren(request);
            }
            await InsertAsync(connection, transaction, Requests, batch, cancellationToken);
            await InsertAsync(connection, transaction, Answers, batch.SelectMany(r => r.Answers), cancellationToken);
            await InsertAsync(connection, transaction, Events, batch.SelectMany(r => r.Events), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == ConstraintViolation)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
    }

    private async Task<long> NextIdAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COALESCE(MAX(id), 0) + 1 FROM {Requests.Table}";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task InsertAsync<T>(SqliteConnection connection, SqliteTransaction transaction, EntityColumns<T> table, IEnumerable<T> rows,
        CancellationToken cancellationToken) where T : class
    {
        var columns = table.Columns;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table.Table} ({string.Join(", ", columns.Select(c => '"' + c.Name + '"'))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i })).ToArray<DbParameter>();
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].Read(row) ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
