using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Ciudad.Platform.Files;

/// <summary>
/// Where a stored file lives: the SHA-256 of its bytes as 64 lowercase hex characters.
/// Only hex is accepted, so an address can never name a path outside the store.
/// </summary>
public readonly record struct FileAddress
{
    private const int HexLength = SHA256.HashSizeInBytes * 2;

    private FileAddress(string hex) => Hex = hex;

    public string Hex { get; }

    public static FileAddress FromHash(ReadOnlySpan<byte> sha256) =>
        sha256.Length == SHA256.HashSizeInBytes
            ? new FileAddress(Convert.ToHexStringLower(sha256))
            : throw new ArgumentException("A file address is a SHA-256 hash (32 bytes).", nameof(sha256));

    public static FileAddress Parse(string value) =>
        TryParse(value, out var address)
            ? address
            : throw new FormatException("A file address is 64 hexadecimal characters (a SHA-256 hash).");

    /// <summary>Accepts upper or lower case; the address is always lowercase.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out FileAddress address)
    {
        address = default;
        if (value is null || value.Length != HexLength || !value.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        address = new FileAddress(value.ToLowerInvariant());
        return true;
    }

    /// <summary>"ab/cd/abcd…": two levels of 256 folders keep any one folder small.</summary>
    public string RelativePath => Hex is null
        ? throw new InvalidOperationException("An empty file address names no file.")
        : $"{Hex[..2]}/{Hex[2..4]}/{Hex}";

    public override string ToString() => Hex ?? "";
}
