using System.Security.Cryptography;
using System.Text;

namespace Ciudad.Forms.Filling;

/// <summary>Random secrets for cookies and links; only their SHA-256 is stored, so a copy of the database opens nothing.</summary>
internal static class Secrets
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>What could be one of our secrets: anything else is not looked up at all.</summary>
    public static bool Plausible(string? secret) => secret is { Length: 64 } && secret.All(char.IsAsciiHexDigitLower);
}
