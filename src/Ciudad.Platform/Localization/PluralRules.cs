using System.Globalization;
using System.Text.RegularExpressions;

namespace Ciudad.Platform.Localization;

/// <summary>
/// Plural strings: a key written as two, <c>Key.One</c> ("{0} photo") and <c>Key.Other</c>
/// ("{0} photos"), is used as <c>L["Key", count]</c>; the first argument picks the form. English
/// and Spanish share the rule: exactly one takes the singular, every other count (0, 2, 1.5) the plural.
/// </summary>
public static class PluralRules
{
    public const string OneSuffix = ".One";
    public const string OtherSuffix = ".Other";

    /// <summary>The key to read for these arguments: <paramref name="key"/> itself unless it is a plural string.</summary>
    public static string KeyFor(StringCatalog catalog, string key, IReadOnlyList<object?> arguments)
    {
        if (catalog.HasKey(key) || !catalog.HasKey(key + OtherSuffix))
        {
            return key;
        }
        return arguments.Count > 0 && IsOne(arguments[0]) ? key + OneSuffix : key + OtherSuffix;
    }

    private static bool IsOne(object? count) => count switch
    {
        int i => i == 1,
        long l => l == 1,
        short s => s == 1,
        decimal m => m == 1m,
        double d => d == 1d,
        _ => false,
    };
}

/// <summary>Fills a string's placeholders the way the catalog does everywhere.</summary>
public static partial class CatalogFormatting
{
    /// <summary>
    /// <see cref="string.Format(IFormatProvider, string, object[])"/>, except that a sentence's full
    /// stop after a value that already ends with one is dropped: "a las {0}." with "3:05 p. m."
    /// reads "a las 3:05 p. m.", not "p. m..".
    /// </summary>
    public static string Format(IFormatProvider culture, string template, params object?[] arguments)
    {
        var adjusted = FullStopAfterPlaceholder().Replace(template, match =>
        {
            var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
            var value = index < arguments.Length ? Convert.ToString(arguments[index], culture) : null;
            return value is not null && value.EndsWith('.') ? match.Value[..^1] : match.Value;
        });
        return string.Format(culture, adjusted, arguments);
    }

    [GeneratedRegex(@"\{(?<index>\d+)\}\.(?!\.)")]
    private static partial Regex FullStopAfterPlaceholder();
}
