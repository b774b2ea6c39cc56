using StackExchange.Redis;

namespace Ciudad.Platform.Limits;

/// <summary>
/// <see cref="IRateWindows"/> shared by every instance: one Redis counter per key and window, spent by a
/// small script so that checking and spending are one atomic step however many instances ask at once.
/// While Redis is unreachable the same budgets are kept in this instance's memory (see
/// <see cref="RedisStore"/>): limits stay in force, per instance, rather than fall away.
/// </summary>
public sealed class RedisRateWindows(RedisStore redis, MemoryRateWindows fallback) : IRateWindows
{
    /// <summary>
    /// KEYS[1] the window's counter; ARGV[1] the limit, ARGV[2] the window in milliseconds. Returns
    /// {1, 0} when spent, {0, milliseconds until the window ends} when the budget is gone. A refusal
    /// spends nothing, and the window's end is set once, by its first spend: a fixed window.
    /// </summary>
    private const string SpendScript = """
        local spent = tonumber(redis.call('GET', KEYS[1]) or '0')
        if spent >= tonumber(ARGV[1]) then
          local left = redis.call('PTTL', KEYS[1])
          if left < 0 then left = tonumber(ARGV[2]) end
          return {0, left}
        end
        if redis.call('INCR', KEYS[1]) == 1 then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return {1, 0}
        """;

    public async ValueTask<WindowSpend> TrySpendAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        Exception? error = null;
        if (await redis.DatabaseAsync() is { } database)
        {
            try
            {
                var answer = (RedisResult[])(await database.ScriptEvaluateAsync(SpendScript,
                    [WindowKey(key)], [limit, (long)window.TotalMilliseconds]))!;
                return (int)answer[0] == 1 ? WindowSpend.Spent : new WindowSpend(false, TimeSpan.FromMilliseconds((long)answer[1]));
            }
            catch (Exception e) when (RedisStore.IsUnavailable(e))
            {
                error = e;
            }
        }
        redis.WarnFallingBack(error);
        return fallback.TrySpend(key, limit, window);
    }

    public async ValueTask<bool> HasRemainingAsync(string key, int limit, CancellationToken cancellationToken = default)
    {
        Exception? error = null;
        if (await redis.DatabaseAsync() is { } database)
        {
            try
            {
                var spent = await database.StringGetAsync(WindowKey(key));
                return !spent.HasValue || (long)spent < limit;
            }
            catch (Exception e) when (RedisStore.IsUnavailable(e))
            {
                error = e;
            }
        }
        redis.WarnFallingBack(error);
        return await fallback.HasRemainingAsync(key, limit, cancellationToken);
    }

    private static RedisKey WindowKey(string key) => "limit:" + key;
}
