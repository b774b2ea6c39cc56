namespace Ciudad.Platform.Limits;

/// <summary>The answer to spending from a budget: spent, or refused with how long until the window ends.</summary>
public readonly record struct WindowSpend(bool Allowed, TimeSpan RetryAfter)
{
    public static WindowSpend Spent { get; } = new(true, TimeSpan.Zero);

    /// <summary>How long to wait in whole seconds, at least one: what Retry-After headers and messages say.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}

/// <summary>
/// Budgets of "at most <c>limit</c> per <c>window</c>" per key (a poster, an address, an API key). Every
/// rate limit in Ciudad spends from here: shared by all instances through Redis when
/// <c>ConnectionStrings:Redis</c> is set (<see cref="RedisRateWindows"/>), in this process's memory
/// otherwise (<see cref="MemoryRateWindows"/>). Windows are fixed, as ASP.NET Core's
/// <c>FixedWindowRateLimiter</c> that these limits used before: the first spend opens a window of
/// <c>window</c>, and its budget is whole again when the window ends.
/// </summary>
public interface IRateWindows
{
    /// <summary>Spends one from <paramref name="key"/>'s budget, or says how long until it is whole again.</summary>
    ValueTask<WindowSpend> TrySpendAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>Whether <paramref name="key"/>'s budget has anything left, without spending.</summary>
    ValueTask<bool> HasRemainingAsync(string key, int limit, CancellationToken cancellationToken = default);
}
