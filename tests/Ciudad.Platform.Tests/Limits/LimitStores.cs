using Ciudad.Platform.Identity;
using Ciudad.Platform.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Ciudad.Platform.Tests.Limits;

/// <summary>
/// The stores as instances hold them: in memory (on a fake clock the test moves), or in the test
/// run's Redis under a key prefix of their own, shared by every "instance" made from the same one.
/// </summary>
internal sealed class LimitStores(LimitStore store) : IDisposable
{
    private readonly string _keyPrefix = TestRedis.NewKeyPrefix();
    private readonly List<RedisStore> _connections = [];

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.Parse("2026-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private MemoryRateWindows? _memoryWindows;
    private MemorySignInCounters? _memoryCounters;

    /// <summary>An instance's rate windows: the same memory for every call, or a new connection to the shared Redis.</summary>
    public IRateWindows Windows() => store == LimitStore.Memory
        ? _memoryWindows ??= new MemoryRateWindows(Clock)
        : new RedisRateWindows(Connect(), new MemoryRateWindows(TimeProvider.System));

    /// <summary>An instance's sign-in counters, likewise.</summary>
    public ISignInCounters SignInCounters() => store == LimitStore.Memory
        ? _memoryCounters ??= new MemorySignInCounters(Clock)
        : new RedisSignInCounters(Connect(), new MemorySignInCounters(TimeProvider.System));

    /// <summary>Lets <paramref name="time"/> pass: the fake clock moves, or Redis's real one is waited for.</summary>
    public async Task PassAsync(TimeSpan time)
    {
        if (store == LimitStore.Memory)
        {
            Clock.Advance(time);
        }
        else
        {
            await Task.Delay(time + TimeSpan.FromMilliseconds(50));
        }
    }

    private RedisStore Connect()
    {
        var connection = new RedisStore(TestRedis.ConnectionString, _keyPrefix, NullLogger<RedisStore>.Instance, TimeProvider.System);
        _connections.Add(connection);
        return connection;
    }

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
    }
}

/// <summary>Keeps what was logged, to check what an operator would read.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
        {
            Entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
