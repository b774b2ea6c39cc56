using System.Security.Cryptography;
using System.Text;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>The key as issued: shown to the person once, never stored.</summary>
internal sealed record IssuedApiKey(ApiKey Key, string Plaintext);

/// <summary>
/// Issues, checks, re-limits and revokes Open311 API keys. Only the SHA-256 of a key is stored
/// (a key is 160 random bits, so a plain hash is enough: there is nothing to brute-force), plus
/// a short prefix people can recognise. Every change is audited, never with the key itself.
/// </summary>
internal sealed class ApiKeyService(CiudadDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Every API POST looks its key up: compiled, so EF does not translate the LINQ each time.</summary>
    private static readonly CompiledQuery<Func<CiudadDbContext, string, CancellationToken, Task<ApiKey?>>> ActiveKeyByHash = new(() =>
        EF.CompileAsyncQuery((CiudadDbContext db, string hash, CancellationToken cancellationToken) =>
            db.Set<ApiKey>().AsNoTracking().FirstOrDefault(k => k.KeyHash == hash && k.RevokedAt == null)));

    public const string KeyStart = "c311_";
    public const int MaxNameLength = 100;
    public const int MaxRequestsPerMinute = 100_000;
    private const int RandomBytes = 20; // 32 base32 characters
    private const int PrefixLength = 8;
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<IssuedApiKey> CreateAsync(string name, int requestsPerMinute, string? createdByUserId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerMinute, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requestsPerMinute, MaxRequestsPerMinute);
        var secret = Base32(RandomNumberGenerator.GetBytes(RandomBytes));
        var plaintext = KeyStart + secret;
        var key = new ApiKey
        {
            Name = name.Trim(),
            Prefix = secret[..PrefixLength],
            KeyHash = Hash(plaintext),
            RequestsPerMinute = requestsPerMinute,
            CreatedAt = clock.GetUtcNow(),
            CreatedByUserId = createdByUserId,
        };
        // The id comes from the first save; one transaction keeps the key and its audit entry together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ApiKeys().Add(key);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("open311.apikey-issued", nameof(ApiKey), Id(key), null, Describe(key));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new IssuedApiKey(key, plaintext);
    }

    /// <summary>The active key <paramref name="plaintext"/> names, or null; notes its use at most once a minute.</summary>
    public async Task<ApiKey?> VerifyAsync(string? plaintext, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(plaintext) || plaintext.Length > 100 || !plaintext.StartsWith(KeyStart, StringComparison.Ordinal))
        {
            return null;
        }
        var hash = Hash(plaintext);
        var key = await ActiveKeyByHash.For(db)(db, hash, cancellationToken);
        if (key is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt >= LastUsedResolution)
        {
            // A write per POST would cost more than the request itself; a minute is precise enough to spot dead keys.
            await db.ApiKeys().Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
            key.LastUsedAt = now;
        }
        return key;
    }

    public Task<List<ApiKey>> ListAsync(CancellationToken cancellationToken = default) =>
        db.ApiKeys().AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name).ThenBy(k => k.Id).ToListAsync(cancellationToken);

    public Task<ApiKey?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.ApiKeys().FirstOrDefaultAsync(k => k.Id == id, cancellationToken);

    public async Task SetLimitAsync(ApiKey key, int requestsPerMinute, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerMinute, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requestsPerMinute, MaxRequestsPerMinute);
        var before = Describe(key);
        key.RequestsPerMinute = requestsPerMinute;
        audit.Record("open311.apikey-limit-changed", nameof(ApiKey), Id(key), before, Describe(key));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Revokes for good: a revoked key answers 403 from the next call on.</summary>
    public async Task RevokeAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        if (!key.IsActive)
        {
            return;
        }
        var before = Describe(key);
        key.RevokedAt = clock.GetUtcNow();
        audit.Record("open311.apikey-revoked", nameof(ApiKey), Id(key), before, Describe(key));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What people see instead of the key: "c311_abcd2345…".</summary>
    public static string Display(ApiKey key) => $"{KeyStart}{key.Prefix}…";

    internal static string Hash(string plaintext) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plaintext)));

    private static string Id(ApiKey key) => key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static object Describe(ApiKey key) => new
    {
        key.Name,
        Prefix = Display(key),
        key.RequestsPerMinute,
        Status = key.IsActive ? "active" : "revoked",
    };

    /// <summary>RFC 4648 base32, lower case, no padding: unambiguous to read and safe in URLs and forms.</summary>
    private static string Base32(byte[] bytes)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var output = new StringBuilder(((bytes.Length * 8) + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                output.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            output.Append(alphabet[(buffer << (5 - bits)) & 31]);
        }
        return output.ToString();
    }
}
