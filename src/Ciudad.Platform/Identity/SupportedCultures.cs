using System.Globalization;

namespace Ciudad.Platform.Identity;

public static class SupportedCultures
{
    public const string English = "en";
    public const string Spanish = "es";
    public const string Default = English;

    public static IReadOnlyList<string> All { get; } = [English, Spanish];

    /// <summary>Culture used for formatting dates, numbers and money: US English and Mexican/US Spanish conventions.</summary>
    public static CultureInfo FormattingCulture(string culture) =>
        Normalize(culture) == Spanish ? CultureInfo.GetCultureInfo("es-US") : CultureInfo.GetCultureInfo("en-US");

    /// <summary>Maps any input ("es-MX", "ES", null) to one of the supported two-letter codes.</summary>
    public static string Normalize(string? culture) =>
        culture is not null && culture.StartsWith(Spanish, StringComparison.OrdinalIgnoreCase) ? Spanish : English;

    public static bool IsSupported(string? culture) =>
        culture is not null && All.Contains(culture, StringComparer.OrdinalIgnoreCase);
}
