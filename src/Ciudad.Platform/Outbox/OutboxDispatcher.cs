using Ciudad.Platform.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ciudad.Platform.Outbox;

/// <summary>
/// Background delivery of outbox messages, with retries, backoff and a dead-letter list. Any number
/// of instances may run this at once; see <see cref="OutboxStore.ClaimAsync"/>.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    // Unique per process and start, so a restarted instance never mistakes old claims for its own.
    private readonly string _owner = Truncate($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}", 100);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[^length..];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Outbox dispatcher {Owner} started", _owner);
        while (!stoppingToken.IsCancellationRequested)
        {
            int delivered;
            try
            {
                delivered = await DispatchBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable; the loop must survive it.
                logger.LogError(ex, "Outbox dispatch failed; will try again");
                delivered = 0;
            }
            if (delivered == 0)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Claims and handles one batch; returns how many messages were processed.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var store = services.GetRequiredService<OutboxStore>();
        var db = services.GetRequiredService<CiudadDbContext>();
        var handlers = services.GetServices<IOutboxHandler>().ToDictionary(h => h.Type);
        var settings = options.Value;

        var batch = await store.ClaimAsync(_owner, settings.BatchSize, settings.ClaimDuration, cancellationToken);
        foreach (var message in batch)
        {
            try
            {
                if (!handlers.TryGetValue(message.Type, out var handler))
                {
                    throw new InvalidOperationException($"No handler for outbox messages of type '{message.Type}'.");
                }
                await handler.HandleAsync(message, cancellationToken);
                store.MarkDelivered(message);
                logger.LogInformation("Outbox message {MessageId} ({Type}) delivered", message.Id, message.Type);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                store.MarkFailed(message, ex.Message, settings);
                logger.LogWarning(ex, "Outbox message {MessageId} ({Type}) failed on attempt {Attempt}; status now {Status}",
                    message.Id, message.Type, message.Attempts, message.Status);
            }
            // Save after each message: a crash mid-batch must not re-send what already went out.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return batch.Count;
    }
}
