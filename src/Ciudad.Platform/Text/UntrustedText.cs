using System.Text;

namespace Ciudad.Platform.Text;

/// <summary>
/// Text that came from outside (a form, an API call, a query string), made safe to store, to show
/// and to write as XML. Two levels:
/// <list type="bullet">
/// <item><see cref="Clean"/>, at intake: drops what no person meant to type and what breaks an output
/// later — control characters (C0 but tab and line breaks, DEL, C1), Unicode noncharacters
/// (U+FDD0–U+FDEF and every U+xxFFFE/U+xxFFFF), lone surrogates, and the bidirectional embedding,
/// override and isolate controls (U+202A–U+202E, U+2066–U+2069) that can make a line read backwards
/// in someone else's screen. Left-to-right and right-to-left marks stay: they only hint direction.</item>
/// <item><see cref="ForXml"/>, at output: drops only what XML 1.0 cannot carry, so every XML writer
/// is safe on its own even for text stored before cleaning existed, or reflected from a query.</item>
/// </list>
/// </summary>
public static class UntrustedText
{
    public static string? Clean(string? value) => value is null ? null : Filter(value, atIntake: true);

    public static string ForXml(string value) => Filter(value, atIntake: false);

    /// <summary>True when <paramref name="codePoint"/> is a bidirectional embedding, override or isolate control.</summary>
    public static bool IsBidiControl(int codePoint) => codePoint is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069;

    private static string Filter(string text, bool atIntake)
    {
        // Fast path: most text is clean and is returned as the same instance.
        var firstDropped = FirstDropped(text, atIntake);
        if (firstDropped < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstDropped);
        for (var i = firstDropped; i < text.Length; i++)
        {
            var width = Width(text, i, out var codePoint);
            if (codePoint >= 0 && IsKept(codePoint, atIntake))
            {
                builder.Append(text, i, width);
            }
            i += width - 1;
        }
        return builder.ToString();
    }

    private static int FirstDropped(string text, bool atIntake)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= ' ' and < '\u007F')
            {
                continue; // printable ASCII, most of any text: always kept
            }
            var width = Width(text, i, out var codePoint);
            if (codePoint < 0 || !IsKept(codePoint, atIntake))
            {
                return i;
            }
            i += width - 1;
        }
        return -1;
    }

    /// <summary>UTF-16 units of the code point at <paramref name="index"/>; -1 as the code point for a lone surrogate.</summary>
    private static int Width(string text, int index, out int codePoint)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            codePoint = char.ConvertToUtf32(c, text[index + 1]);
            return 2;
        }
        codePoint = char.IsSurrogate(c) ? -1 : c;
        return 1;
    }

    private static bool IsKept(int codePoint, bool atIntake) => atIntake ? IsKeptAtIntake(codePoint) : IsXmlChar(codePoint);

    private static bool IsKeptAtIntake(int codePoint) =>
        IsXmlChar(codePoint)
        && codePoint is not (0x7F or >= 0x80 and <= 0x9F)
        && !IsNoncharacter(codePoint)
        && !IsBidiControl(codePoint);

    /// <summary>XML 1.0's Char production: tab, line breaks, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.</summary>
    private static bool IsXmlChar(int codePoint) =>
        codePoint is 0x9 or 0xA or 0xD or >= 0x20 and <= 0xD7FF or >= 0xE000 and <= 0xFFFD or >= 0x10000 and <= 0x10FFFF;

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
