using System.Security.Cryptography;

namespace Ciudad.ServiceRequests.Requests;

/// <summary>
/// Request numbers people can read over the phone and type on a keypad: seven characters of
/// Crockford base 32 (no I, L, O or U), the first always a letter, shown as <c>K7Q-3M9X</c>. Random
/// rather than sequential so that numbers say nothing about volume and cannot be walked; 16 billion
/// values make a clash rare,
/// and the unique index turns the rare clash into a retry.
/// </summary>
internal static class RequestNumbers
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>
    /// The first character of a new number: a letter that no number syntax starts with (not a digit,
    /// not A–F of hex, not X). XML and JSON clients guess types, and about 1 in 2,100 all-Crockford
    /// numbers looked like numbers to them (<c>0123456</c>, <c>1E23456</c>, <c>0X1A2B3</c>) and lost
    /// their leading zeros. Numbers issued before this rule stay valid (<see cref="Normalize"/>).
    /// </summary>
    private const string FirstLetters = "GHJKMNPQRSTVWYZ";
    public const int Length = 7;

    public static string New() => New(static () => RandomNumberGenerator.GetInt32(Alphabet.Length));

    /// <summary>A number drawn from <paramref name="random"/>: demo and synthetic data are reproducible from a seed.</summary>
    public static string New(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return New(() => random.Next(Alphabet.Length));
    }

    private static string New(Func<int> nextIndex)
    {
        Span<char> chars = stackalloc char[Length];
        int first;
        do
        {
            first = nextIndex(); // 0–31; redraw 30 and 31 so each of the 15 letters is equally likely
        }
        while (first >= 2 * FirstLetters.Length);
        chars[0] = FirstLetters[first % FirstLetters.Length];
        for (var i = 1; i < Length; i++)
        {
            chars[i] = Alphabet[nextIndex()];
        }
        return new string(chars);
    }

    /// <summary>"K7Q-3M9X" for display; the stored form has no dash.</summary>
    public static string Format(string number) => number.Length == Length ? $"{number[..3]}-{number[3..]}" : number;

    /// <summary>
    /// Reads what a person typed: any case, with spaces or dashes, and the letters people confuse
    /// with digits (O→0, I/L→1). Null when it cannot be a request number.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }
        Span<char> chars = stackalloc char[Length];
        var count = 0;
        foreach (var raw in typed)
        {
            if (raw is ' ' or '-' or '#')
            {
                continue;
            }
            var c = char.ToUpperInvariant(raw) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (Alphabet.IndexOf(c, StringComparison.Ordinal) < 0 || count == Length)
            {
                return null;
            }
            chars[count++] = c;
        }
        return count == Length ? new string(chars) : null;
    }
}
