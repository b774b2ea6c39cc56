using System.Security.Cryptography;
using System.Text;
using Ciudad.Platform.Limits;
using StackExchange.Redis;
using static Ciudad.Platform.Identity.SignInThrottle;

namespace Ciudad.Platform.Identity;

/// <summary>
/// <see cref="SignInThrottle"/>'s counters in Redis, so guesses spread over several instances count
/// once. Per account (keys named by a SHA-256 of the address typed, so Redis holds no email addresses):
/// a hash of its wrong passwords and whether the owner was warned, expiring a quiet
/// <see cref="SignInThrottle.Window"/> after the last one; a hash of client address → "count:last
/// millisecond"; and, while slowed, the one-password slot. Each operation is one script, atomic
/// across instances, timed by the Redis server's clock so instances whose clocks differ agree.
/// While Redis is unreachable the counts are kept in this instance's memory.
/// </summary>
public sealed class RedisSignInCounters(RedisStore redis, MemorySignInCounters fallback) : ISignInCounters
{
    /// <summary>KEYS account, pairs, slot; ARGV address, per-address limit, slowing limit, window ms, slowed interval ms. 0 allowed, 1 address blocked, 2 slowed.</summary>
    private const string CheckScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local pair = redis.call('HGET', KEYS[2], ARGV[1])
        if pair then
          local count, last = string.match(pair, '(%d+):(%d+)')
          if now - tonumber(last) < tonumber(ARGV[4]) and tonumber(count) >= tonumber(ARGV[2]) then return 1 end
        end
        local failures = tonumber(redis.call('HGET', KEYS[1], 'failures') or '0')
        if failures >= tonumber(ARGV[3]) then
          if redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[5]) then return 0 end
          return 2
        end
        return 0
        """;

    /// <summary>KEYS account, pairs; ARGV address, window ms, slowing limit. 1 when the owner should be warned now (once per episode).</summary>
    private const string FailureScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local count = 0
        local pair = redis.call('HGET', KEYS[2], ARGV[1])
        if pair then
          local c, last = string.match(pair, '(%d+):(%d+)')
          if now - tonumber(last) < tonumber(ARGV[2]) then count = tonumber(c) end
        end
        redis.call('HSET', KEYS[2], ARGV[1], string.format('%d:%d', count + 1, now))
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        if failures >= tonumber(ARGV[3]) and redis.call('HSETNX', KEYS[1], 'warned', '1') == 1 then return 1 end
        return 0
        """;

    private static readonly long WindowMs = (long)Window.TotalMilliseconds;

    public async ValueTask<SignInVerdict> CheckAsync(string normalizedEmail, string address)
    {
        var keys = Keys(normalizedEmail);
        var verdict = await RunAsync(database => database.ScriptEvaluateAsync(CheckScript, [keys.Account, keys.Pairs, keys.Slot],
            [address, FailuresPerAddress, FailuresBeforeSlowing, WindowMs, (long)SlowedInterval.TotalMilliseconds]));
        return verdict is null ? await fallback.CheckAsync(normalizedEmail, address) : (SignInVerdict)(int)verdict;
    }

    public async ValueTask<bool> RecordFailureAsync(string normalizedEmail, string address)
    {
        var keys = Keys(normalizedEmail);
        var warn = await RunAsync(database => database.ScriptEvaluateAsync(FailureScript, [keys.Account, keys.Pairs],
            [address, WindowMs, FailuresBeforeSlowing]));
        return warn is null ? await fallback.RecordFailureAsync(normalizedEmail, address) : (int)warn == 1;
    }

    public async ValueTask RecordSuccessAsync(string normalizedEmail, string address)
    {
        var keys = Keys(normalizedEmail);
        if (await RunAsync(async database => RedisResult.Create(await database.HashDeleteAsync(keys.Pairs, address))) is null)
        {
            await fallback.RecordSuccessAsync(normalizedEmail, address);
        }
    }

    public async ValueTask ForgetAsync(string normalizedEmail)
    {
        var keys = Keys(normalizedEmail);
        // The memory counts too: any failures counted there while Redis was away are just as forgiven.
        await fallback.ForgetAsync(normalizedEmail);
        await RunAsync(async database => RedisResult.Create(await database.KeyDeleteAsync([keys.Account, keys.Pairs, keys.Slot])));
    }

    /// <summary>The script's answer, or null (and a warning) when Redis could not answer.</summary>
    private async Task<RedisResult?> RunAsync(Func<IDatabase, Task<RedisResult>> command)
    {
        Exception? error = null;
        if (await redis.DatabaseAsync() is { } database)
        {
            try
            {
                return await command(database);
            }
            catch (Exception e) when (RedisStore.IsUnavailable(e))
            {
                error = e;
            }
        }
        redis.WarnFallingBack(error);
        return null;
    }

    /// <summary>One account's keys, in one hash slot (the {…} tag) so a script may use them together on a cluster.</summary>
    private static (RedisKey Account, RedisKey Pairs, RedisKey Slot) Keys(string normalizedEmail)
    {
        var tag = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));
        return ($"signin:{{{tag}}}:account", $"signin:{{{tag}}}:pairs", $"signin:{{{tag}}}:slot");
    }
}
