using System.ComponentModel.DataAnnotations;

namespace Ciudad.Platform.City;

/// <summary>
/// Everything that makes Ciudad one particular city. Another city adopts Ciudad by editing the
/// <c>Ciudad:City</c> section of its settings, never by changing code.
/// </summary>
public sealed class CityOptions
{
    public const string Section = "Ciudad:City";

    [Required] public string NameEn { get; set; } = "City of El Paso";
    [Required] public string NameEs { get; set; } = "Ciudad de El Paso";

    /// <summary>Path (under wwwroot) or absolute URL of the logo shown in the header.</summary>
    [Required] public string LogoPath { get; set; } = "/img/city-logo.svg";

    /// <summary>IANA time zone in which times are shown to people.</summary>
    [Required] public string TimeZone { get; set; } = "America/Denver";

    [Required, EmailAddress] public string ContactEmail { get; set; } = "311@elpasotexas.gov";
    [Required] public string ContactPhone { get; set; } = "311";
    public string? ContactPhoneFromOutside { get; set; } = "+1 915-212-0000";
    [Required] public string AddressLine { get; set; } = "300 N. Campbell St., El Paso, TX 79901";

    /// <summary>Public base URL used in emails (links must work outside the request that sent them).</summary>
    [Required, Url] public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>
    /// The city limits as a GeoJSON Polygon or MultiPolygon geometry (longitude, latitude).
    /// Later modules refuse reports outside it.
    /// </summary>
    [Required]
    public string BoundaryGeoJson { get; set; } =
        """{"type":"Polygon","coordinates":[[[-106.63,31.62],[-106.18,31.62],[-106.18,32.00],[-106.63,32.00],[-106.63,31.62]]]}""";

    public string Name(string culture) => culture.StartsWith("es", StringComparison.OrdinalIgnoreCase) ? NameEs : NameEn;

    public TimeZoneInfo TimeZoneInfo => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
