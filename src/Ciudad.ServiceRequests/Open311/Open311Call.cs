using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>Checks every GeoReport call makes before its own work: format, jurisdiction, language.</summary>
internal static class Open311Call
{
    public static Open311Format Format(string? suffix) =>
        Open311Formats.TryParse(suffix, out var format)
            ? format
            : throw Open311Problem.NotFound($"Unknown format '{suffix}'. Use .xml or .json.");

    /// <summary>Optional for this single-jurisdiction server; any other non-empty value is a 404.</summary>
    public static void CheckJurisdiction(Open311Input input, Open311Options options)
    {
        var jurisdiction = input.Text("jurisdiction_id");
        if (jurisdiction is not null && !string.Equals(jurisdiction, options.JurisdictionId, StringComparison.OrdinalIgnoreCase))
        {
            throw Open311Problem.NotFound($"Unknown jurisdiction_id '{Truncate(jurisdiction)}'. This server answers for {options.JurisdictionId}.");
        }
    }

    /// <summary>"es" when the caller asks for Spanish (<c>locale=es</c> or Accept-Language), else "en".</summary>
    public static string Culture(HttpContext http, Open311Input input)
    {
        var locale = input.Text("locale");
        if (locale is not null)
        {
            return IsSpanish(locale) ? "es" : "en";
        }
        if (StringWithQualityHeaderValue.TryParseList(http.Request.Headers.AcceptLanguage, out var languages))
        {
            var preferred = languages.Where(l => l.Quality is not 0).OrderByDescending(l => l.Quality ?? 1).FirstOrDefault();
            if (preferred is not null && IsSpanish(preferred.Value.Value))
            {
                return "es";
            }
        }
        return "en";
    }

    /// <summary>Echoed values stay short in error descriptions.</summary>
    public static string Truncate(string value) => value.Length <= 60 ? value : value[..60] + "…";

    private static bool IsSpanish(string? tag) => SupportedCultures.Normalize(tag) == SupportedCultures.Spanish;
}
