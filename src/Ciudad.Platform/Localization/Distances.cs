using Microsoft.Extensions.Options;

namespace Ciudad.Platform.Localization;

/// <summary>How distances read: feet and miles (a US city, the default) or metres and kilometres.</summary>
public enum UnitSystem
{
    Imperial = 0,
    Metric = 1,
}

/// <summary><c>Ciudad:Units</c>: <c>imperial</c> (default) or <c>metric</c>.</summary>
public sealed class UnitOptions
{
    public const string Section = "Ciudad";

    public UnitSystem Units { get; set; } = UnitSystem.Imperial;
}

/// <summary>
/// Distances in the city's units and the reader's language, rounded as people say them: "about
/// 350 ft" / "0.4 mi" / "120 m" / "1.2 km". Stored and computed distances stay in metres.
/// </summary>
public sealed class Distances(IOptions<UnitOptions> options, StringCatalog strings)
{
    private const double FeetPerMetre = 3.28084;
    private const double MetresPerMile = 1609.344;

    public UnitSystem Units => options.Value.Units;

    public string Format(double metres, string culture) => Format(metres, Units, culture, strings);

    public static string Format(double metres, UnitSystem units, string culture, StringCatalog strings)
    {
        var format = Identity.SupportedCultures.FormattingCulture(culture);
        if (units == UnitSystem.Metric)
        {
            return metres < 1000
                ? strings.Format(culture, "Units.Metres", Math.Max(10, Math.Round(metres / 10, MidpointRounding.AwayFromZero) * 10).ToString("N0", format))
                : strings.Format(culture, "Units.Kilometres", (metres / 1000).ToString("0.#", format));
        }
        var feet = metres * FeetPerMetre;
        // Under about a tenth of a mile people think in feet; beyond, in miles.
        return feet < 528
            ? strings.Format(culture, "Units.Feet", Math.Max(10, Math.Round(feet / 10, MidpointRounding.AwayFromZero) * 10).ToString("N0", format))
            : strings.Format(culture, "Units.Miles", (metres / MetresPerMile).ToString("0.#", format));
    }
}
