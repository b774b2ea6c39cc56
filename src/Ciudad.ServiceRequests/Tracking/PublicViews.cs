using Ciudad.Platform.Localization;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Requests;

namespace Ciudad.ServiceRequests.Tracking;

// What the public may see of a request. These records have no reporter, actor or staff fields at
// all, so a page or feed built from them cannot leak personal data by mistake.

/// <summary>Where a request is, as much as its service's sensitivity allows the public to know.</summary>
internal sealed record PublicLocation(GeoPoint? Point, string? Address, string? AreaCode, bool IsCoarsened)
{
    /// <summary>Set when the point came from the address the reporter typed (and how well it matched).</summary>
    public Addresses.AddressMatch? PlacedFrom { get; init; }

    public static PublicLocation For(Sensitivity sensitivity, double? latitude, double? longitude, string? address,
        string? areaCode, int coarsenMeters)
    {
        GeoPoint? point = latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : null;
        return sensitivity == Sensitivity.CoarsenedLocation
            // A sensitive report (a complaint about a home) shows the neighbourhood, never the house.
            ? new PublicLocation(point?.Coarsen(coarsenMeters), null, areaCode, IsCoarsened: true)
            : new PublicLocation(point, address, areaCode, IsCoarsened: false);
    }
}

/// <summary>One row of the public list, a map marker, or a feed entry.</summary>
internal sealed record PublicRequestSummary(
    string Number,
    string ServiceCode,
    LocalizedText ServiceNames,
    RequestStatus Status,
    DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt,
    PublicLocation Location)
{
    public string ServiceName(string culture) => ServiceNames[culture];
}

/// <summary>Everything the public tracking page shows.</summary>
internal sealed record PublicRequestDetails(
    long Id,
    string Number,
    string ServiceCode,
    LocalizedText ServiceNames,
    Sensitivity Sensitivity,
    RequestStatus Status,
    string? Description,
    DateTimeOffset RequestedAt,
    DateTimeOffset? ExpectedAt,
    DateTimeOffset? ClosedAt,
    PublicLocation Location,
    string? ParentNumber,
    int ReopenCount,
    IReadOnlyList<PublicPhoto> Photos,
    IReadOnlyList<PublicTimelineEntry> Timeline)
{
    public bool IsOpen => Status.IsOpen();

    public string ServiceName(string culture) => ServiceNames[culture];
}

internal sealed record PublicPhoto(Guid Id, int Width, int Height)
{
    public string Url(string number) => RequestLinks.Photo(number, Id);
    public string ThumbnailUrl(string number) => RequestLinks.Thumbnail(number, Id);
}

/// <summary>A public timeline entry: what happened and when, never who on the staff did it.</summary>
internal sealed record PublicTimelineEntry(DateTimeOffset OccurredAt, RequestEventKind Kind, RequestStatus Status, string? Note);

/// <summary>A request on the signed-in resident's "My requests" page.</summary>
internal sealed record MyRequest(
    string Number,
    LocalizedText ServiceNames,
    RequestStatus Status,
    DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt,
    bool IsReporter)
{
    public string ServiceName(string culture) => ServiceNames[culture];
}

internal sealed record ResultPage<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int TotalPages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}
