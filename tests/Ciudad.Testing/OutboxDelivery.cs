using Ciudad.Platform.Data;
using Ciudad.Platform.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ciudad.Testing;

/// <summary>
/// Lets a test drive the app's outbox instead of waiting for the background dispatcher: the same
/// dispatcher code claims and delivers batches until nothing is due. Safe alongside the background
/// dispatcher, because claims are atomic; a message it holds at that moment is waited for.
/// </summary>
internal static class OutboxDelivery
{
    /// <summary>A claim the background dispatcher holds is released within one handler run; this is only a guard.</summary>
    private static readonly TimeSpan InFlightLimit = TimeSpan.FromSeconds(30);

    public static async Task DeliverDueAsync(IServiceProvider services)
    {
        if (!services.GetRequiredService<IOptions<OutboxOptions>>().Value.DispatcherEnabled)
        {
            return; // the test runs its own dispatcher on purpose (retries, dead letters, concurrent claims)
        }
        var dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatcher>(services);
        var started = DateTime.UtcNow;
        while (true)
        {
            while (await dispatcher.DispatchBatchAsync(CancellationToken.None) > 0)
            {
            }
            if (!await AnyInFlightAsync(services))
            {
                return;
            }
            if (DateTime.UtcNow - started > InFlightLimit)
            {
                throw new TimeoutException($"Outbox messages stayed claimed by another dispatcher for {InFlightLimit}.");
            }
            await Task.Delay(10); // the background dispatcher is delivering one right now
        }
    }

    /// <summary>
    /// Whether a pending message is claimed, or due but was not claimable just now. The second case
    /// matters on PostgreSQL: while the background dispatcher's claiming UPDATE is uncommitted, our
    /// claim skips the row (SKIP LOCKED) and a read still sees it unclaimed, so "nothing claimed"
    /// alone would end the drain before that message, and any it queues, is delivered.
    /// </summary>
    private static async Task<bool> AnyInFlightAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiudadDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        return await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending && (m.LockedBy != null || m.AvailableAt <= now));
    }
}
