using Ciudad.Platform.Identity;
using static Ciudad.Platform.Identity.SignInThrottle;

namespace Ciudad.Platform.Tests.Limits;

/// <summary>The sign-in throttle's counts, in memory and in Redis: the same verdicts from both.</summary>
public sealed class SignInCountersTests
{
    private const string Email = "RESIDENT@EXAMPLE.TEST";

    [Theory, BothLimitStores]
    public async Task Wrong_passwords_from_one_address_block_that_address_only_until_a_new_password(LimitStore store)
    {
        using var stores = new LimitStores(store);
        var counters = stores.SignInCounters();

        for (var i = 0; i < FailuresPerAddress; i++)
        {
            Assert.Equal(SignInVerdict.Allowed, await counters.CheckAsync(Email, "203.0.113.9"));
            Assert.False(await counters.RecordFailureAsync(Email, "203.0.113.9"));
        }
        var attacker = await counters.CheckAsync(Email, "203.0.113.9");
        var owner = await counters.CheckAsync(Email, "198.51.100.7");
        var otherAccount = await counters.CheckAsync("OTHER@EXAMPLE.TEST", "203.0.113.9");
        await counters.ForgetAsync(Email);
        var afterReset = await counters.CheckAsync(Email, "203.0.113.9");

        Assert.Equal(SignInVerdict.AddressBlocked, attacker);
        Assert.Equal(SignInVerdict.Allowed, owner);
        Assert.Equal(SignInVerdict.Allowed, otherAccount);
        Assert.Equal(SignInVerdict.Allowed, afterReset);
    }

    [Theory, BothLimitStores]
    public async Task The_right_password_starts_that_addresss_count_again(LimitStore store)
    {
        using var stores = new LimitStores(store);
        var counters = stores.SignInCounters();
        for (var i = 0; i < FailuresPerAddress - 1; i++)
        {
            await counters.RecordFailureAsync(Email, "203.0.113.9");
        }

        await counters.RecordSuccessAsync(Email, "203.0.113.9");
        await counters.RecordFailureAsync(Email, "203.0.113.9");

        Assert.Equal(SignInVerdict.Allowed, await counters.CheckAsync(Email, "203.0.113.9"));
    }

    [Theory, BothLimitStores]
    public async Task Guesses_from_many_addresses_slow_the_account_to_one_check_at_a_time_and_warn_the_owner_once(LimitStore store)
    {
        using var stores = new LimitStores(store);
        var counters = stores.SignInCounters();

        var warnings = new List<bool>();
        for (var i = 0; i < FailuresBeforeSlowing + 3; i++)
        {
            warnings.Add(await counters.RecordFailureAsync(Email, $"203.0.113.{i}"));
        }
        var first = await counters.CheckAsync(Email, "198.51.100.1");
        var second = await counters.CheckAsync(Email, "198.51.100.2");

        Assert.Equal(FailuresBeforeSlowing - 1, warnings.IndexOf(true));
        Assert.Single(warnings, w => w);
        Assert.Equal(SignInVerdict.Allowed, first);
        Assert.Equal(SignInVerdict.AccountSlowed, second);
    }

    [Fact]
    public async Task A_slowed_account_gets_one_check_a_minute_and_a_quiet_window_ends_it()
    {
        using var stores = new LimitStores(LimitStore.Memory); // minutes pass on the fake clock
        var counters = stores.SignInCounters();
        for (var i = 0; i < FailuresBeforeSlowing; i++)
        {
            await counters.RecordFailureAsync(Email, $"203.0.113.{i}");
        }

        var first = await counters.CheckAsync(Email, "198.51.100.1");
        await stores.PassAsync(SlowedInterval);
        var aMinuteLater = await counters.CheckAsync(Email, "198.51.100.1");
        var straightAfter = await counters.CheckAsync(Email, "198.51.100.1");
        await stores.PassAsync(Window);
        var afterQuiet = new[] { await counters.CheckAsync(Email, "198.51.100.1"), await counters.CheckAsync(Email, "198.51.100.2") };

        Assert.Equal(SignInVerdict.Allowed, first);
        Assert.Equal(SignInVerdict.Allowed, aMinuteLater);
        Assert.Equal(SignInVerdict.AccountSlowed, straightAfter);
        Assert.All(afterQuiet, v => Assert.Equal(SignInVerdict.Allowed, v));
    }

    [Fact]
    public async Task Two_instances_count_the_same_guesses_in_redis()
    {
        using var stores = new LimitStores(LimitStore.Redis);
        var a = stores.SignInCounters();
        var b = stores.SignInCounters();

        for (var i = 0; i < FailuresPerAddress; i++)
        {
            await (i % 2 == 0 ? a : b).RecordFailureAsync(Email, "203.0.113.9");
        }
        var slotTakers = new[] { a, b };
        for (var i = 0; i < FailuresBeforeSlowing; i++)
        {
            await slotTakers[i % 2].RecordFailureAsync(Email, $"192.0.2.{i}");
        }

        Assert.Equal(SignInVerdict.AddressBlocked, await a.CheckAsync(Email, "203.0.113.9"));
        Assert.Equal(SignInVerdict.AddressBlocked, await b.CheckAsync(Email, "203.0.113.9"));
        // Slowed for both: one instance takes the one check; the other must wait.
        Assert.Equal(SignInVerdict.Allowed, await a.CheckAsync(Email, "198.51.100.1"));
        Assert.Equal(SignInVerdict.AccountSlowed, await b.CheckAsync(Email, "198.51.100.2"));
    }
}
