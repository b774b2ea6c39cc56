using Ciudad.Platform.Data;
using Ciudad.Platform.Events;
using Ciudad.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ciudad.Platform.Outbox;

/// <summary>
/// Delivery of outbox messages, with retries, backoff and a dead-letter list: the "Outbox" job
/// (<see cref="JobName"/>). Each message is claimed on its own (<see cref="OutboxStore.ClaimAsync"/>),
/// so calling this from several places at once never delivers a message twice.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : ICiudadJob
{
    public const string JobName = "Outbox";

    /// <summary>Batches one run works through before it lets the next scheduled run go on.</summary>
    private const int MaxBatchesPerRun = 100;

    // Unique per process and start, so a restarted instance never mistakes old claims for its own.
    private readonly string _owner = Truncate($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}", 100);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[^length..];

    public Task RunAsync(CancellationToken cancellationToken) => DeliverDueAsync(cancellationToken);

    /// <summary>Delivers everything due now, batch after batch; returns how many messages were processed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var processed = await DispatchBatchAsync(cancellationToken);
            if (processed == 0)
            {
                break;
            }
            total += processed;
        }
        return total;
    }

    /// <summary>Claims and handles one batch; returns how many messages were processed.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var store = services.GetRequiredService<OutboxStore>();
        var db = services.GetRequiredService<CiudadDbContext>();
        var handlers = services.GetServices<IOutboxHandler>().ToDictionary(h => h.Type);
        var events = services.GetRequiredService<IntegrationEventDelivery>();
        var settings = options.Value;

        var batch = await store.ClaimAsync(_owner, settings.BatchSize, settings.ClaimDuration, cancellationToken);
        foreach (var message in batch)
        {
            try
            {
                if (message.Subscriber is not null)
                {
                    await events.DeliverAsync(message, cancellationToken);
                }
                else if (handlers.TryGetValue(message.Type, out var handler))
                {
                    await handler.HandleAsync(message, cancellationToken);
                }
                else
                {
                    throw new InvalidOperationException($"No handler for outbox messages of type '{message.Type}'.");
                }
                store.MarkDelivered(message);
                logger.LogInformation("Outbox message {MessageId} ({Type} {Subscriber}) delivered", message.Id, message.Type, message.Subscriber);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                store.MarkFailed(message, ex.Message, settings);
                logger.LogWarning(ex, "Outbox message {MessageId} ({Type} {Subscriber}) failed on attempt {Attempt}; status now {Status}",
                    message.Id, message.Type, message.Subscriber, message.Attempts, message.Status);
            }
            // Save after each message: a crash mid-batch must not re-send what already went out.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return batch.Count;
    }
}
