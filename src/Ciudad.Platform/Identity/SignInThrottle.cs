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
/// The counters live in Redis when <c>ConnectionStrings:Redis</c> is set, so every instance counts
/// the same guesses (<see cref="RedisSignInCounters"/>); otherwise, and while Redis is unreachable, in
/// this instance's memory (<see cref="MemorySignInCounters"/>), where several instances would each
/// allow the full count.
/// </summary>
public sealed class SignInThrottle(ISignInCounters counters)
{
    public const int FailuresPerAddress = 5;
    public const int FailuresBeforeSlowing = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan SlowedInterval = TimeSpan.FromMinutes(1);

    /// <summary>Whether this attempt may check a password. A slowed account's slot is taken here, atomically.</summary>
    public ValueTask<SignInVerdict> CheckAsync(string normalizedEmail, IPAddress? address) =>
        counters.CheckAsync(normalizedEmail, AddressKey(address));

    /// <summary>
    /// Counts a wrong password. True exactly once per episode: when the account has just become
    /// slowed and its owner should hear about it.
    /// </summary>
    public ValueTask<bool> RecordFailureAsync(string normalizedEmail, IPAddress? address) =>
        counters.RecordFailureAsync(normalizedEmail, AddressKey(address));

    /// <summary>The right password from this address: its own count starts again.</summary>
    public ValueTask RecordSuccessAsync(string normalizedEmail, IPAddress? address) =>
        counters.RecordSuccessAsync(normalizedEmail, AddressKey(address));

    /// <summary>A new password was chosen from an emailed link: guesses at the old one no longer matter.</summary>
    public ValueTask ForgetAsync(string normalizedEmail) => counters.ForgetAsync(normalizedEmail);

    private static string AddressKey(IPAddress? address) => address?.ToString() ?? "unknown";
}

/// <summary>Where <see cref="SignInThrottle"/>'s counts live; each operation is atomic in its store.</summary>
public interface ISignInCounters
{
    ValueTask<SignInVerdict> CheckAsync(string normalizedEmail, string address);

    ValueTask<bool> RecordFailureAsync(string normalizedEmail, string address);

    ValueTask RecordSuccessAsync(string normalizedEmail, string address);

    ValueTask ForgetAsync(string normalizedEmail);
}
