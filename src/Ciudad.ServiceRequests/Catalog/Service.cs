using Ciudad.Platform.Identity;
using Ciudad.Platform.Localization;

namespace Ciudad.ServiceRequests.Catalog;

/// <summary>
/// A kind of problem residents can report (Open311 "service"). Names, descriptions, keywords and
/// group are each one <see cref="LocalizedText"/> because residents search and read in either.
/// </summary>
internal sealed class Service
{
    public int Id { get; set; }

    /// <summary>Open311 <c>service_code</c>: stable, lower-case, URL-safe ("pothole").</summary>
    public required string Code { get; set; }
    public required LocalizedText Name { get; set; }
    public LocalizedText Description { get; set; } = LocalizedText.Of("", "");

    /// <summary>Comma-separated search words ("pothole, hole, road") that also fill Open311 <c>keywords</c>.</summary>
    public LocalizedText Keywords { get; set; } = LocalizedText.Of("", "");
    public required LocalizedText Group { get; set; }

    /// <summary>The department whose queue new requests enter.</summary>
    public int DepartmentId { get; set; }

    public SlaKind SlaKind { get; set; } = SlaKind.BusinessDays;

    /// <summary>Target in days for <see cref="SlaKind.CalendarDays"/> and <see cref="SlaKind.BusinessDays"/>.</summary>
    public int SlaDays { get; set; }

    public Sensitivity Sensitivity { get; set; } = Sensitivity.Public;
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<ServiceAttribute> Attributes { get; set; } = [];

    internal static bool IsSpanish(string culture) => SupportedCultures.Normalize(culture) == SupportedCultures.Spanish;
}

internal enum SlaKind
{
    /// <summary>No target: the work is scheduled with the resident (bulky item pickup).</summary>
    None = 0,
    CalendarDays = 1,
    /// <summary>Monday to Friday, skipping the city's configured holidays.</summary>
    BusinessDays = 2,
}

/// <summary>How much of a request the public may see.</summary>
internal enum Sensitivity
{
    Public = 0,
    /// <summary>Shown publicly with its location rounded to a grid cell (a complaint about a home).</summary>
    CoarsenedLocation = 1,
    /// <summary>Never in public lists, maps, feeds or the Open311 list (an animal bite).</summary>
    Hidden = 2,
}
