using System.Threading.RateLimiting;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// Per-key limit on POSTs: a fixed one-minute window of <see cref="ApiKey.RequestsPerMinute"/>
/// permits. The window lives in this process, so with N instances behind a load balancer a key
/// gets up to N times its limit; that is fine for protecting the city from a runaway client, and
/// needs no shared store. A changed limit starts a fresh window (the partition key includes it).
/// </summary>
public sealed class ApiKeyRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<(int KeyId, int Limit)> _limiter =
        PartitionedRateLimiter.Create<(int KeyId, int Limit), (int KeyId, int Limit)>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions
            {
                PermitLimit = k.Limit,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    /// <summary>True when the key may POST now; otherwise how long until it may.</summary>
    public bool TryAcquire(ApiKey key, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire((key.Id, key.RequestsPerMinute));
        retryAfter = TimeSpan.Zero;
        if (lease.IsAcquired)
        {
            return true;
        }
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return false;
    }

    public void Dispose() => _limiter.Dispose();
}
