namespace Ciudad.Platform.Limits;

/// <summary>
/// <see cref="IRateWindows"/> in this process's memory: the store with one instance, and the fallback
/// of <see cref="RedisRateWindows"/> while Redis is unreachable.
/// </summary>
public sealed class MemoryRateWindows(TimeProvider clock) : IRateWindows
{
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _windowsSincePrune;

    private sealed class Window(DateTimeOffset ends)
    {
        public DateTimeOffset Ends { get; } = ends;
        public int Spent { get; set; }
    }

    public ValueTask<WindowSpend> TrySpendAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TrySpend(key, limit, window));

    public ValueTask<bool> HasRemainingAsync(string key, int limit, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            return ValueTask.FromResult(Current(key, now) is not { } open || open.Spent < limit);
        }
    }

    public WindowSpend TrySpend(string key, int limit, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (Current(key, now) is not { } open)
            {
                open = new Window(now + window);
                _windows[key] = open;
                PruneNowAndThen(now);
            }
            if (open.Spent >= limit)
            {
                return new WindowSpend(false, open.Ends - now);
            }
            open.Spent++;
            return WindowSpend.Spent;
        }
    }

    private Window? Current(string key, DateTimeOffset now) =>
        _windows.TryGetValue(key, out var window) && now < window.Ends ? window : null;

    /// <summary>Addresses seen once must not fill the memory: ended windows go, now and then.</summary>
    private void PruneNowAndThen(DateTimeOffset now)
    {
        if (++_windowsSincePrune < 1000)
        {
            return;
        }
        _windowsSincePrune = 0;
        foreach (var key in _windows.Where(w => w.Value.Ends <= now).Select(w => w.Key).ToList())
        {
            _windows.Remove(key);
        }
    }
}
