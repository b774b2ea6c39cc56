using Ciudad.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Sla;

/// <summary>
/// The SLA breach job ("SlaMonitor", every <see cref="ServiceRequestsOptions.SlaCheckInterval"/> unless
/// <c>Ciudad:Jobs:SlaMonitor:Every</c> says otherwise): flags open requests past their due time and
/// tells the owning department's managers, once per request. The job runner runs it on one instance
/// at a time; <see cref="SlaBreaches"/> claims rows atomically anyway, so a manual pass alongside is safe.
/// </summary>
internal sealed class SlaMonitor(
    IServiceScopeFactory scopes,
    IOptions<ServiceRequestsOptions> options,
    TimeProvider clock,
    ILogger<SlaMonitor> logger) : ICiudadJob
{
    public const string JobName = "SlaMonitor";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var flagged = await CheckOnceAsync(cancellationToken);
        if (flagged > 0)
        {
            logger.LogInformation("SLA check flagged {Count} overdue requests", flagged);
        }
    }

    /// <summary>One pass at the current time.</summary>
    public Task<int> CheckOnceAsync(CancellationToken cancellationToken = default) =>
        CheckOnceAsync(clock.GetUtcNow(), cancellationToken);

    /// <summary>
    /// One pass as if it were <paramref name="now"/>: works through every overdue request in batches,
    /// each batch its own transaction. Returns how many requests this caller flagged.
    /// </summary>
    public async Task<int> CheckOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var batchSize = options.Value.SlaBatchSize;
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var flagged = await scope.ServiceProvider.GetRequiredService<SlaBreaches>()
                .FlagBatchAsync(now, batchSize, cancellationToken);
            total += flagged;
            // A short batch means nothing is left that this instance may take (others skip our locked rows and vice versa).
            if (flagged < batchSize)
            {
                return total;
            }
        }
    }
}
