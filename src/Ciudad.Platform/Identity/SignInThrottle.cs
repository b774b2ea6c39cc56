using System.Net;

namespace Ciudad.Platform.Identity;

public enum SignInVerdict
{
    /// <summary>Check the password.</summary>
    Allowed,

    /// <summary>This address has got this account's password wrong too often: it waits; others do not.</summary>
    AddressBlocked,

    /// <summary>
    /// The account is being guessed at from many addresses: one attempt at a time, for everyone, so
    /// that more addresses do not mean more guesses.
    /// </summary>
    AccountSlowed,
}

/// <summary>
/// Counts wrong passwords so that guessing stays hopeless without letting anyone lock an account
/// they do not own (Identity's lockout locks the account for everybody after five wrong passwords
/// from anywhere, so five requests every 15 minutes kept any account, even the only administrator,
/// out). Two counters, both keyed by the address typed, whether or not it has an account, so their
/// answers say nothing about which addresses exist:
/// <list type="bullet">
/// <item>per account and client address: after <see cref="FailuresPerAddress"/> wrong passwords that
/// pair waits <see cref="Window"/>. An attacker only blocks themselves; the owner elsewhere is unaffected.</item>
/// <item>per account, from every address: after <see cref="FailuresBeforeSlowing"/> wrong passwords the
/// account is slowed, not locked: one password is checked per <see cref="SlowedInterval"/>, until it
/// has seen no wrong password for <see cref="Window"/>. The page emails the owner once with a reset
/// link, their way in straight away.</item>
/// </list>
/// Counters live in this instance's memory, like the per-address rate limits: with several
/// instances each keeps its own, which multiplies the allowance by the number of instances.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FailuresPerAddress = 5;
    public const int FailuresBeforeSlowing = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan SlowedInterval = TimeSpan.FromMinutes(1);

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

    /// <summary>Whether this attempt may check a password. A slowed account's slot is taken here, atomically.</summary>
    public SignInVerdict Check(string normalizedEmail, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (Current(_pairs, PairKey(normalizedEmail, address), now) is { Failures: >= FailuresPerAddress })
            {
                return SignInVerdict.AddressBlocked;
            }
            if (Current(_accounts, normalizedEmail, now) is { Failures: >= FailuresBeforeSlowing } account)
            {
                if (now < account.NextCheckAllowed)
                {
                    return SignInVerdict.AccountSlowed;
                }
                account.NextCheckAllowed = now + SlowedInterval;
            }
            return SignInVerdict.Allowed;
        }
    }

    /// <summary>
    /// Counts a wrong password. True exactly once per episode: when the account has just become
    /// slowed and its owner should hear about it.
    /// </summary>
    public bool RecordFailure(string normalizedEmail, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            Count(_pairs, PairKey(normalizedEmail, address), now);
            var account = Count(_accounts, normalizedEmail, now);
            if (account.Failures < FailuresBeforeSlowing || account.OwnerWarned)
            {
                return false;
            }
            account.OwnerWarned = true;
            return true;
        }
    }

    /// <summary>The right password from this address: its own count starts again.</summary>
    public void RecordSuccess(string normalizedEmail, IPAddress? address)
    {
        lock (_lock)
        {
            _pairs.Remove(PairKey(normalizedEmail, address));
        }
    }

    /// <summary>A new password was chosen from an emailed link: guesses at the old one no longer matter.</summary>
    public void Forget(string normalizedEmail)
    {
        lock (_lock)
        {
            _accounts.Remove(normalizedEmail);
            foreach (var key in _pairs.Keys.Where(k => k.StartsWith(normalizedEmail + "|", StringComparison.Ordinal)).ToList())
            {
                _pairs.Remove(key);
            }
        }
    }

    private static string PairKey(string normalizedEmail, IPAddress? address) => normalizedEmail + "|" + (address?.ToString() ?? "unknown");

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
