using static Ciudad.Platform.Identity.SignInThrottle;

namespace Ciudad.Platform.Identity;

/// <summary>
/// <see cref="SignInThrottle"/>'s counters in this instance's memory: the store with one instance, and
/// the fallback of <see cref="RedisSignInCounters"/> while Redis is unreachable.
/// </summary>
public sealed class MemorySignInCounters(TimeProvider clock) : ISignInCounters
{
    private readonly Dictionary<string, Counter> _pairs = [];
    private readonly Dictionary<string, Counter> _accounts = [];
    private readonly Lock _lock = new();
    private int _writesSincePrune;

    private sealed class Counter
    {
        public int Failures;
        public DateTimeOffset LastFailure;
        public DateTimeOffset NextCheckAllowed;
        public bool OwnerWarned;
    }

    public ValueTask<SignInVerdict> CheckAsync(string normalizedEmail, string address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (Current(_pairs, PairKey(normalizedEmail, address), now) is { Failures: >= FailuresPerAddress })
            {
                return ValueTask.FromResult(SignInVerdict.AddressBlocked);
            }
            if (Current(_accounts, normalizedEmail, now) is { Failures: >= FailuresBeforeSlowing } account)
            {
                if (now < account.NextCheckAllowed)
                {
                    return ValueTask.FromResult(SignInVerdict.AccountSlowed);
                }
                account.NextCheckAllowed = now + SlowedInterval;
            }
            return ValueTask.FromResult(SignInVerdict.Allowed);
        }
    }

    public ValueTask<bool> RecordFailureAsync(string normalizedEmail, string address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            Count(_pairs, PairKey(normalizedEmail, address), now);
            var account = Count(_accounts, normalizedEmail, now);
            if (account.Failures < FailuresBeforeSlowing || account.OwnerWarned)
            {
                return ValueTask.FromResult(false);
            }
            account.OwnerWarned = true;
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask RecordSuccessAsync(string normalizedEmail, string address)
    {
        lock (_lock)
        {
            _pairs.Remove(PairKey(normalizedEmail, address));
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ForgetAsync(string normalizedEmail)
    {
        lock (_lock)
        {
            _accounts.Remove(normalizedEmail);
            foreach (var key in _pairs.Keys.Where(k => k.StartsWith(normalizedEmail + "|", StringComparison.Ordinal)).ToList())
            {
                _pairs.Remove(key);
            }
        }
        return ValueTask.CompletedTask;
    }

    private static string PairKey(string normalizedEmail, string address) => normalizedEmail + "|" + address;

    /// <summary>The counter if it is still in force: a quiet <see cref="Window"/> since the last wrong password ends it.</summary>
    private static Counter? Current(Dictionary<string, Counter> counters, string key, DateTimeOffset now) =>
        counters.TryGetValue(key, out var counter) && now - counter.LastFailure < Window ? counter : null;

    private Counter Count(Dictionary<string, Counter> counters, string key, DateTimeOffset now)
    {
        var counter = Current(counters, key, now);
        if (counter is null)
        {
            counter = new Counter();
            counters[key] = counter;
        }
        counter.Failures++;
        counter.LastFailure = now;
        PruneNowAndThen(now);
        return counter;
    }

    /// <summary>Addresses sprayed with wrong passwords must not fill the memory: expired counters go.</summary>
    private void PruneNowAndThen(DateTimeOffset now)
    {
        if (++_writesSincePrune < 1000)
        {
            return;
        }
        _writesSincePrune = 0;
        foreach (var counters in new[] { _pairs, _accounts })
        {
            foreach (var key in counters.Where(c => now - c.Value.LastFailure >= Window).Select(c => c.Key).ToList())
            {
                counters.Remove(key);
            }
        }
    }
}
