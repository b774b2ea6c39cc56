using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Ciudad.Platform.Limits;

/// <summary>
/// The Redis server that several instances share (<c>ConnectionStrings:Redis</c>, StackExchange.Redis
/// syntax such as <c>redis.internal:6379,password=…,ssl=true</c>). It connects in the background at
/// start and reconnects by itself. While it is unreachable commands fail at once instead of queueing,
/// so callers fall back to this instance's memory without making a visitor wait, and one warning a
/// minute says so in the log.
/// </summary>
public sealed class RedisStore : IDisposable
{
    public const string ConnectionStringName = "Redis";

    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private readonly Task<ConnectionMultiplexer> _connecting;
    private readonly RedisKey _keyPrefix;
    private readonly ILogger<RedisStore> _logger;
    private readonly TimeProvider _clock;
    private long _nextWarningTicks;

    public RedisStore(string connectionString, string keyPrefix, ILogger<RedisStore> logger, TimeProvider clock)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false; // start without Redis, connect when it is back
        options.BacklogPolicy = BacklogPolicy.FailFast;
        Endpoint = string.Join(", ", options.EndPoints);
        _keyPrefix = keyPrefix;
        _logger = logger;
        _clock = clock;
        _connecting = ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>Where the server is, for messages (never the password).</summary>
    public string Endpoint { get; }

    /// <summary>
    /// The database (keys carry the configured prefix) while connected; null while unreachable. Only the
    /// first calls after start wait, at most the connect timeout, for the first connection attempt.
    /// </summary>
    public async ValueTask<IDatabase?> DatabaseAsync()
    {
        var connection = await _connecting;
        return connection.IsConnected ? connection.GetDatabase().WithKeyPrefix(_keyPrefix) : null;
    }

    /// <summary>Whether the server answers now (the health check asks).</summary>
    public async Task<bool> PingAsync()
    {
        try
        {
            if (await DatabaseAsync() is not { } database)
            {
                return false;
            }
            await database.PingAsync();
            return true;
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            return false;
        }
    }

    /// <summary>True for the failures that mean "Redis cannot answer now" rather than a bug.</summary>
    public static bool IsUnavailable(Exception error) => error is RedisException or TimeoutException;

    /// <summary>Logs that Redis could not be used and what happens instead; at most once a minute.</summary>
    public void WarnFallingBack(Exception? error)
    {
        var now = _clock.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref _nextWarningTicks);
        if (now < next || Interlocked.CompareExchange(ref _nextWarningTicks, now + WarningInterval.Ticks, next) != next)
        {
            return;
        }
        _logger.LogWarning(error,
            "Redis at {Endpoint} is unreachable: rate limits and sign-in counters are kept in this instance's memory until it is back, " +
            "so each instance allows the full limit on its own.", Endpoint);
    }

    public void Dispose()
    {
        if (_connecting.IsCompletedSuccessfully)
        {
            _connecting.Result.Dispose();
        }
    }
}
