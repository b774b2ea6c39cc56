using Ciudad.Platform.Identity;
namespace Ciudad.ServiceRequests.Catalog;

/// <summary>
/// A kind of problem residents can report (Open311 "service"). Names, descriptions, keywords and
/// group are stored per language because residents search and read in either.
/// </summary>
public sealed class Service
{
    public int Id { get; set; }

    /// <summary>Open311 <c>service_code</c>: stable, lower-case, URL-safe ("pothole").</summary>
    public required string Code { get; set; }
    public required string NameEn { get; set; }
    public required string NameEs { get; set; }
    public string DescriptionEn { get; set; } = "";
    public string DescriptionEs { get; set; } = "";

    /// <summary>Comma-separated search words ("pothole, hole, road") that also fill Open311 <c>keywords</c>.</summary>
    public string KeywordsEn { get; set; } = "";
    public string KeywordsEs { get; set; } = "";
    public required string GroupEn { get; set; }
    public required string GroupEs { get; set; }

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

    public string Name(string culture) => IsSpanish(culture) ? NameEs : NameEn;
    public string Description(string culture) => IsSpanish(culture) ? DescriptionEs : DescriptionEn;
    public string Group(string culture) => IsSpanish(culture) ? GroupEs : GroupEn;
    public string Keywords(string culture) => IsSpanish(culture) ? KeywordsEs : KeywordsEn;

    internal static bool IsSpanish(string culture) => SupportedCultures.Normalize(culture) == SupportedCultures.Spanish;
}

public enum SlaKind
{
    /// <summary>No target: the work is scheduled with the resident (bulky item pickup).</summary>
    None = 0,
    CalendarDays = 1,
    /// <summary>Monday to Friday, skipping the city's configured holidays.</summary>
    BusinessDays = 2,
}

/// <summary>How much of a request the public may see.</summary>
public enum Sensitivity
{
    Public = 0,
    /// <summary>Shown publicly with its location rounded to a grid cell (a complaint about a home).</summary>
    CoarsenedLocation = 1,
    /// <summary>Never in public lists, maps, feeds or the Open311 list (an animal bite).</summary>
    Hidden = 2,
}
