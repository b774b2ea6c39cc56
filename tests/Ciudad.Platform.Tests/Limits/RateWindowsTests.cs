using Ciudad.Platform.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Ciudad.Platform.Tests.Limits;

/// <summary>The budgets every rate limit spends from, in memory and in Redis: the same answers from both.</summary>
public sealed class RateWindowsTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Theory, BothLimitStores]
    public async Task A_budget_is_spent_up_to_its_limit_then_refused_with_how_long_to_wait(LimitStore store)
    {
        using var stores = new LimitStores(store);
        var windows = stores.Windows();

        var spends = new List<WindowSpend>();
        for (var i = 0; i < 4; i++)
        {
            spends.Add(await windows.TrySpendAsync("poster:1", 3, Minute));
        }
        var someoneElse = await windows.TrySpendAsync("poster:2", 3, Minute);

        Assert.Equal([true, true, true, false], spends.Select(s => s.Allowed));
        Assert.InRange(spends[3].RetryAfter, TimeSpan.FromSeconds(1), Minute);
        Assert.InRange(spends[3].RetryAfterSeconds, 1, 60);
        Assert.True(someoneElse.Allowed);
        Assert.False(await windows.HasRemainingAsync("poster:1", 3));
        Assert.True(await windows.HasRemainingAsync("poster:2", 3));
        Assert.True(await windows.HasRemainingAsync("poster:never-seen", 3));
    }

    [Theory, BothLimitStores]
    public async Task When_the_window_ends_the_budget_is_whole_again(LimitStore store)
    {
        using var stores = new LimitStores(store);
        var windows = stores.Windows();
        // Long enough that three calls always land in one window, even on a busy machine (Redis keeps real time).
        var window = TimeSpan.FromSeconds(2);
        await windows.TrySpendAsync("poster:1", 2, window);
        await windows.TrySpendAsync("poster:1", 2, window);
        var refused = await windows.TrySpendAsync("poster:1", 2, window);

        await stores.PassAsync(refused.RetryAfter);
        var again = new[] { await windows.TrySpendAsync("poster:1", 2, window), await windows.TrySpendAsync("poster:1", 2, window) };
        var overAgain = await windows.TrySpendAsync("poster:1", 2, window);

        Assert.False(refused.Allowed);
        Assert.All(again, s => Assert.True(s.Allowed));
        Assert.False(overAgain.Allowed);
    }

    [Theory, BothLimitStores]
    public async Task Spends_racing_each_other_never_exceed_the_limit(LimitStore store)
    {
        // In Redis, two instances (two connections); in memory, one instance's concurrent requests.
        using var stores = new LimitStores(store);
        var instances = new[] { stores.Windows(), stores.Windows() };

        var spends = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Task.Run(async () => await instances[i % 2].TrySpendAsync("poster:busy", 25, Minute))));

        Assert.Equal(25, spends.Count(s => s.Allowed));
    }

    [Fact]
    public async Task Two_instances_spend_from_one_budget_in_redis()
    {
        using var stores = new LimitStores(LimitStore.Redis);
        var a = stores.Windows();
        var b = stores.Windows();

        var first = await a.TrySpendAsync("poster:1", 2, Minute);
        var second = await b.TrySpendAsync("poster:1", 2, Minute);
        var third = await a.TrySpendAsync("poster:1", 2, Minute);

        Assert.True(first.Allowed);
        Assert.True(second.Allowed);
        Assert.False(third.Allowed);
        Assert.False(await b.HasRemainingAsync("poster:1", 2));
    }

    [Fact]
    public async Task With_redis_unreachable_limits_hold_in_this_instance_and_the_log_says_so_once_a_minute()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var log = new RecordingLogger<RedisStore>();
        // Nothing listens on port 1: the server is down from the start.
        using var redis = new RedisStore("127.0.0.1:1,connectTimeout=500", "test:", log, clock);
        var windows = new RedisRateWindows(redis, new MemoryRateWindows(clock));

        var spends = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            spends.Add((await windows.TrySpendAsync("poster:1", 2, Minute)).Allowed);
        }
        var warningsAtFirst = log.Entries.Count(e => e.Level == LogLevel.Warning);
        clock.Advance(Minute);
        await windows.TrySpendAsync("poster:1", 2, Minute);

        Assert.Equal([true, true, false], spends);
        Assert.False(await redis.PingAsync());
        Assert.Equal(1, warningsAtFirst);
        var warnings = log.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("127.0.0.1:1", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("this instance's memory", warnings[0].Message, StringComparison.Ordinal);
    }
}
