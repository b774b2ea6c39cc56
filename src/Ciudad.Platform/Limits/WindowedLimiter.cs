using System.Threading.RateLimiting;

namespace Ciudad.Platform.Limits;

/// <summary>Which budget a request spends from: its key, and at most <see cref="Limit"/> per <see cref="Window"/>.</summary>
public readonly record struct WindowRule(string Key, int Limit, TimeSpan Window);

/// <summary>
/// ASP.NET Core's rate limiter (the middleware, its 429 and <c>OnRejected</c>) over <see cref="IRateWindows"/>,
/// so the same limits hold across instances when the windows are in Redis. <paramref name="ruleFor"/>
/// says which budget a resource spends from, or null for no limit.
/// </summary>
public sealed class WindowedLimiter<TResource>(IRateWindows windows, Func<TResource, WindowRule?> ruleFor) : PartitionedRateLimiter<TResource>
{
    private static readonly RateLimitLease Granted = new WindowLease(null);

    public override RateLimiterStatistics? GetStatistics(TResource resource) => null;

    /// <summary>
    /// Answers only requests without a limit: spending may need a round trip to Redis, which must not
    /// block a thread. A "no" here makes the middleware ask <see cref="AcquireAsyncCore"/>.
    /// </summary>
    protected override RateLimitLease AttemptAcquireCore(TResource resource, int permitCount) =>
        ruleFor(resource) is null ? Granted : new WindowLease(TimeSpan.Zero);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(TResource resource, int permitCount, CancellationToken cancellationToken)
    {
        if (ruleFor(resource) is not { } rule)
        {
            return Granted;
        }
        if (permitCount == 0)
        {
            return await windows.HasRemainingAsync(rule.Key, rule.Limit, cancellationToken) ? Granted : new WindowLease(rule.Window);
        }
        var spend = await windows.TrySpendAsync(rule.Key, rule.Limit, rule.Window, cancellationToken);
        return spend.Allowed ? Granted : new WindowLease(spend.RetryAfter);
    }

    /// <summary>Acquired when there is nothing to wait for; otherwise carries how long (Retry-After).</summary>
    private sealed class WindowLease(TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
