using System.Globalization;
using Ciudad.Platform.City;
using Ciudad.Platform.Identity;

namespace Ciudad.Platform.Localization;

/// <summary>
/// How numbers, money and instants read in each language. Money is stored as integer cents
/// (never floating point) and shown in US dollars with the language's conventions.
/// </summary>
public static class Formats
{
    public static string Money(long cents, string culture) =>
        (cents / 100m).ToString("C2", SupportedCultures.FormattingCulture(culture));

    public static string Number(long value, string culture) =>
        value.ToString("N0", SupportedCultures.FormattingCulture(culture));

    /// <summary>A stored instant in the city's time zone, e.g. "Nov 25, 2026, 1:05 PM" / "25 nov 2026, 1:05 p.m.".</summary>
    public static string Instant(DateTimeOffset instant, CityTime city, string culture)
    {
        var local = city.ToLocal(instant);
        var format = SupportedCultures.FormattingCulture(culture);
        return local.ToString(SupportedCultures.Normalize(culture) == SupportedCultures.Spanish ? "d MMM yyyy, h:mm tt" : "MMM d, yyyy, h:mm tt", format);
    }
}
