using System.Security.Cryptography;

namespace Ciudad.Forms.Submissions;

/// <summary>
/// Submission references people read over the phone: "F-" and eight characters of Crockford base 32
/// (no I, L, O or U), shown as <c>F-7K3M-9QPW</c>. Random, so they say nothing about volume and
/// cannot be walked; the unique index turns the rare clash into a retry.
/// </summary>
internal static class SubmissionReferences
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New() => New(() => RandomNumberGenerator.GetInt32(Alphabet.Length));

    public static string New(Random random) => New(() => random.Next(Alphabet.Length));

    private static string New(Func<int> next)
    {
        Span<char> chars = stackalloc char[11];
        "F-".CopyTo(chars);
        for (var i = 2; i < chars.Length; i++)
        {
            chars[i] = i == 6 ? '-' : Alphabet[next()];
        }
        return new string(chars);
    }

    /// <summary>What a person typed (any case, spaces, O for 0, I or L for 1), or null when it cannot be a reference.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }
        var letters = new string([.. typed.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)
            .Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c })]);
        if (letters.StartsWith('F') && letters.Length == 9)
        {
            letters = letters[1..];
        }
        return letters.Length == 8 && letters.All(c => Alphabet.Contains(c, StringComparison.Ordinal))
            ? $"F-{letters[..4]}-{letters[4..]}"
            : null;
    }
}
