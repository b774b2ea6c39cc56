using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// Open311 POSTs are limited per key, which only helps once a key is known — and the key may sit
/// in a multipart body of up to 50 MB. So each client address gets a small budget of POSTs whose
/// key was missing or wrong; once it is spent, that address's POSTs are refused (429, in the
/// spec's format) before their body is read. Per instance, like every other limit.
/// </summary>
public sealed class RejectedKeyLimiter(IOptions<Open311Options> options) : IDisposable
{
    public int RejectionsPerMinute { get; } = options.Value.RejectedKeyPostsPerMinute;

    private readonly PartitionedRateLimiter<string> _limiter =
        PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.Value.RejectedKeyPostsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    /// <summary>True while the address still has rejections left in this minute.</summary>
    public bool IsAllowed(string address) => _limiter.GetStatistics(address)?.CurrentAvailablePermits is not 0;

    /// <summary>Spends one of the address's rejections.</summary>
    public void RecordRejection(string address)
    {
        using var lease = _limiter.AttemptAcquire(address);
    }

    public void Dispose() => _limiter.Dispose();
}
