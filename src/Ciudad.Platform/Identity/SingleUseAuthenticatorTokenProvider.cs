using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Ciudad.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Platform.Identity;

/// <summary>
/// Authenticator app (TOTP) codes that work once. Identity's own provider accepts a code as often as
/// it is sent within its window, so a code seen over a shoulder or relayed by a phishing page opens
/// a second session. Here the time step of each accepted code is recorded on the account and a code
/// of that step or an earlier one is refused (RFC 6238 §5.2). Recording is one conditional UPDATE,
/// so two sessions racing with the same code cannot both win. Used for sign-in and enrolment alike.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(CiudadDbContext db, TimeProvider clock) : AuthenticatorTokenProvider<CiudadUser>
{
    public const string ProviderName = "SingleUseAuthenticator";

    private const int StepSeconds = 30;

    /// <summary>As Identity: codes up to two steps either side of now, for phones whose clocks drift.</summary>
    private const int StepsOfDrift = 2;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<CiudadUser> manager, CiudadUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }
        var secret = Base32Decode(key);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (var step = now - StepsOfDrift; step <= now + StepsOfDrift; step++)
        {
            if (CodeAt(secret, step) == code)
            {
                return await ClaimAsync(user, step);
            }
        }
        return false;
    }

    /// <summary>True when this step is later than any accepted before; it then becomes the last one.</summary>
    private async Task<bool> ClaimAsync(CiudadUser user, long step)
    {
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastAuthenticatorTimeStep == null || u.LastAuthenticatorTimeStep < step))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastAuthenticatorTimeStep, step));
        if (claimed == 1)
        {
            user.LastAuthenticatorTimeStep = step;
        }
        return claimed == 1;
    }

    /// <summary>RFC 6238 with HMAC-SHA1 and six digits, as authenticator apps compute it.</summary>
    private static int CodeAt(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238's default, the one every authenticator app uses; HMAC-SHA1 is not broken
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, 4)) & 0x7fffffff;
        return binary % 1_000_000;
    }

    private static byte[] Base32Decode(string key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(key.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in key.ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue; // padding and the spaces people copy
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
