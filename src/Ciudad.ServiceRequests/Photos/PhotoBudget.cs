using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Photos;

/// <summary>
/// Photos cost CPU, so each one spends from its poster's budget
/// (<see cref="ServiceRequestsOptions.PhotosPerMinute"/> per person, client address or API key):
/// one post with five photos costs five times one with a single photo, on top of the per-post
/// limits. A fixed one-minute window per poster, in this instance's memory like every other limit.
/// </summary>
public sealed class PhotoBudget(IOptions<ServiceRequestsOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter =
        PartitionedRateLimiter.Create<string, string>(poster =>
            RateLimitPartition.GetFixedWindowLimiter(poster, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.Value.PhotosPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    public int PhotosPerMinute => options.Value.PhotosPerMinute;

    /// <summary>Spends one photo of <paramref name="poster"/>'s budget; false (and how long to wait) when it is spent.</summary>
    public bool TrySpend(string poster, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(poster);
        retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
