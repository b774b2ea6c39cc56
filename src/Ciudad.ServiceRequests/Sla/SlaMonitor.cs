using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Sla;

/// <summary>
/// The SLA breach job: every <see cref="ServiceRequestsOptions.SlaCheckInterval"/> it flags open
/// requests past their due time and tells the owning department's managers, once per request.
/// Any number of app instances may run it; <see cref="SlaBreaches"/> claims rows atomically.
/// </summary>
public sealed class SlaMonitor(
    IServiceScopeFactory scopes,
    IOptions<ServiceRequestsOptions> options,
    TimeProvider clock,
    ILogger<SlaMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SlaMonitorEnabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var flagged = await CheckOnceAsync(stoppingToken);
                if (flagged > 0)
                {
                    logger.LogInformation("SLA check flagged {Count} overdue requests", flagged);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A database hiccup must not end the job; the next pass picks up what this one missed.
                logger.LogError(ex, "SLA check failed; will try again");
            }
            try
            {
                await Task.Delay(options.Value.SlaCheckInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
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
