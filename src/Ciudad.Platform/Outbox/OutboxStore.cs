using System.Data.Common;
using Ciudad.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ciudad.Platform.Outbox;

/// <summary>
/// Claims, completes and retries outbox messages. Claiming is one atomic statement so that several
/// app instances never deliver the same message twice: PostgreSQL skips rows another instance has
/// locked (<c>FOR UPDATE SKIP LOCKED</c>); SQLite has a single writer, so the UPDATE is atomic there.
/// </summary>
public sealed class OutboxStore(CiudadDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string owner, int batchSize, TimeSpan claimDuration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var postgres = db.Database.IsNpgsql();
        var sql = $"""
            UPDATE platform_outbox_messages
            SET locked_by = @owner, locked_until = @until
            WHERE id IN (
                SELECT id FROM platform_outbox_messages
                WHERE status = {(int)OutboxStatus.Pending} AND available_at <= @now
                  AND (locked_until IS NULL OR locked_until < @now)
                ORDER BY available_at, id
                LIMIT @limit
                {(postgres ? "FOR UPDATE SKIP LOCKED" : "")})
            RETURNING id
            """;

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }
        var ids = new List<long>();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            AddParameter(command, "owner", owner);
            AddParameter(command, "until", Instant(now + claimDuration, postgres));
            AddParameter(command, "now", Instant(now, postgres));
            AddParameter(command, "limit", batchSize);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        if (ids.Count == 0)
        {
            return [];
        }
        return await db.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.LockedBy == owner)
            .OrderBy(m => m.AvailableAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
    }

    public void MarkDelivered(OutboxMessage message)
    {
        message.Status = OutboxStatus.Delivered;
        message.DeliveredAt = clock.GetUtcNow();
        message.Attempts++;
        message.LockedBy = null;
        message.LockedUntil = null;
        message.LastError = null;
    }

    public void MarkFailed(OutboxMessage message, string error, OutboxOptions options)
    {
        message.Attempts++;
        message.LastError = error.Length > 2000 ? error[..2000] : error;
        message.LockedBy = null;
        message.LockedUntil = null;
        if (message.Attempts >= options.MaxAttempts)
        {
            message.Status = OutboxStatus.Dead;
            return;
        }
        message.AvailableAt = clock.GetUtcNow() + RetryDelay(message.Attempts, options);
    }

    /// <summary>Exponential backoff: first delay, then doubling, capped.</summary>
    public static TimeSpan RetryDelay(int attempts, OutboxOptions options)
    {
        var factor = Math.Pow(2, Math.Max(0, attempts - 1));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.FirstRetryDelay.Ticks * factor, options.MaxRetryDelay.Ticks));
        return delay;
    }

    /// <summary>An administrator sends a dead message back to the queue with a fresh set of attempts.</summary>
    public async Task<bool> RetryDeadAsync(long id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id && m.Status == OutboxStatus.Dead, cancellationToken);
        if (message is null)
        {
            return false;
        }
        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.AvailableAt = clock.GetUtcNow();
        return true;
    }

    private static object Instant(DateTimeOffset instant, bool postgres) => postgres ? instant : instant.UtcTicks;

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
