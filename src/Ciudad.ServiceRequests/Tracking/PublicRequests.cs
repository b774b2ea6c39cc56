using Ciudad.Platform.City;
using Ciudad.Platform.Data;
using Ciudad.Platform.Privacy;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Privacy;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Tracking;

/// <summary>
/// Read-only queries behind the public pages, map, feed and photos. Every query leaves out hidden
/// services and projects to the public records, so reporter details never leave the database.
/// </summary>
internal sealed class PublicRequests(CiudadDbContext db, IOptions<ServiceRequestsOptions> options, IOptions<CityOptions> city, TimeProvider clock)
{
    public const int PageSize = 25;
    public const int MaxMarkers = 500;
    public const int MaxFeedEntries = 50;

    /// <summary>Timeline entries the public may read even if a staff tool marked something else public by mistake.</summary>
    private static readonly RequestEventKind[] PublicKinds =
    [
        RequestEventKind.Received, RequestEventKind.StatusChanged, RequestEventKind.PublicComment,
        RequestEventKind.Reopened, RequestEventKind.MergedInto, RequestEventKind.DuplicateMerged,
    ];

    private int CoarsenMeters => options.Value.CoarsenMeters;

    public async Task<ResultPage<PublicRequestSummary>> ListAsync(PublicRequestFilter filter, int page, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        var query = await FilteredAsync(filter, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Rows(query.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);
        return new ResultPage<PublicRequestSummary>(rows.Select(ToSummary).ToList(), page, PageSize, total);
    }

    /// <summary>The newest filtered requests that have a point, for the map.</summary>
    public async Task<IReadOnlyList<PublicRequestSummary>> MarkersAsync(PublicRequestFilter filter, CancellationToken cancellationToken = default)
    {
        var query = (await FilteredAsync(filter, cancellationToken)).Where(r => r.Latitude != null && r.Longitude != null);
        var rows = await Rows(query.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).Take(MaxMarkers))
            .ToListAsync(cancellationToken);
        return rows.Select(ToSummary).ToList();
    }

    /// <summary>The most recently changed filtered requests, for the Atom feed.</summary>
    public async Task<IReadOnlyList<PublicRequestSummary>> RecentlyUpdatedAsync(PublicRequestFilter filter, CancellationToken cancellationToken = default)
    {
        var query = await FilteredAsync(filter, cancellationToken);
        var rows = await Rows(query.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id).Take(MaxFeedEntries))
            .ToListAsync(cancellationToken);
        return rows.Select(ToSummary).ToList();
    }

    /// <summary>
    /// The tracking page's content, or null when there is no such request or the public may not see
    /// it (a hidden service) — unless <paramref name="viewerUserId"/> is the signed-in reporter.
    /// </summary>
    public async Task<PublicRequestDetails?> FindAsync(string number, string? viewerUserId, CancellationToken cancellationToken = default)
    {
        var request = await db.Requests().AsNoTracking().Where(r => r.Number == number)
            .Select(r => new
            {
                r.Id, r.Number, r.Service!.Code, ServiceName = r.Service.Name, r.Service.Sensitivity, r.Status,
                r.Description, r.RequestedAt, r.ExpectedAt, r.ClosedAt, r.Latitude, r.Longitude, r.Address, r.AreaCode,
                r.AddressMatch, r.ParentRequestId, r.ReopenCount, r.ReporterUserId,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (request is null || (request.Sensitivity == Sensitivity.Hidden && (viewerUserId is null || request.ReporterUserId != viewerUserId)))
        {
            return null;
        }
        var parentNumber = request.ParentRequestId is { } parentId
            ? await db.Requests().Where(p => p.Id == parentId).Select(p => p.Number).FirstOrDefaultAsync(cancellationToken)
            : null;
        // Photos can show a house or a face: only services whose location is fully public show them.
        var photos = request.Sensitivity == Sensitivity.Public
            ? await db.RequestPhotos().AsNoTracking().Where(p => p.RequestId == request.Id && p.IsPublic)
                .OrderBy(p => p.Order).Select(p => new PublicPhoto(p.Id, p.Width, p.Height)).ToListAsync(cancellationToken)
            : [];
        // The reporter's reopen note on a sensitive report is treated like its description: staff read it, the public does not.
        var reporterNotesPublic = request.Sensitivity == Sensitivity.Public;
        var timeline = await db.RequestEvents().AsNoTracking()
            .Where(e => e.RequestId == request.Id && e.IsPublic && PublicKinds.Contains(e.Kind))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new PublicTimelineEntry(e.OccurredAt, e.Kind, e.Status,
                reporterNotesPublic || e.Kind != RequestEventKind.Reopened ? e.Note : null))
            .ToListAsync(cancellationToken);
        var location = PublicLocation.For(request.Sensitivity, request.Latitude, request.Longitude, request.Address, request.AreaCode, CoarsenMeters)
            with
        { PlacedFrom = request.AddressMatch };
        return new PublicRequestDetails(
            request.Id, request.Number, request.Code, request.ServiceName, request.Sensitivity, request.Status,
            // A description of a sensitive report often names the address it hides.
            request.Sensitivity == Sensitivity.Public && request.Description.Length > 0 ? request.Description : null,
            request.RequestedAt, request.ExpectedAt, request.ClosedAt,
            location,
            parentNumber, request.ReopenCount, photos, timeline);
    }

    /// <summary>A public photo's JPEG bytes (full size or thumbnail), or null when it is not public.</summary>
    public Task<byte[]?> PhotoAsync(string number, Guid photoId, bool thumbnail, CancellationToken cancellationToken = default)
    {
        var photos = db.RequestPhotos().AsNoTracking().Where(p => p.Id == photoId && p.IsPublic
            && db.Requests().Any(r => r.Id == p.RequestId && r.Number == number && r.Service!.Sensitivity == Sensitivity.Public));
        return thumbnail
            ? photos.Select(p => p.Thumbnail).FirstOrDefaultAsync(cancellationToken)
            : photos.Select(p => p.Content).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Requests the person reported while signed in, and requests they follow; newest first.</summary>
    public async Task<ResultPage<MyRequest>> MineAsync(PersonalDataSubject person, int page, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        // Reported while signed in, or earlier with the account's confirmed address; followed likewise.
        var userId = person.UserId;
        var email = person.ConfirmedEmail?.ToLowerInvariant();
        // A follow still waiting for its emailed link is not the person's yet (anyone could have typed the address).
        var followed = RequestPersonalData.Followed(db.RequestFollowers(), person).Where(f => f.ConfirmedAt != null).Select(f => f.RequestId);
        // ToLower() is SQL lower() on both providers, not .NET's culture-dependent one.
#pragma warning disable CA1304, CA1311, CA1862
        var query = db.Requests().AsNoTracking().Where(r => r.ReporterUserId == userId
            || (email != null && r.ReporterEmail!.ToLower() == email)
            || followed.Contains(r.Id));
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new MyRequest(r.Number, r.Service!.Name, r.Status, r.RequestedAt, r.UpdatedAt, r.ReporterUserId == userId || (email != null && r.ReporterEmail!.ToLower() == email)))
            .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        return new ResultPage<MyRequest>(items, page, PageSize, total);
    }

    /// <summary>The number of the request an unsubscribe link belongs to, or null for an unknown link.</summary>
    public Task<string?> NumberForUnsubscribeTokenAsync(string token, CancellationToken cancellationToken = default) =>
        db.RequestFollowers().AsNoTracking().Where(f => f.UnsubscribeToken == token)
            .Join(db.Requests(), f => f.RequestId, r => r.Id, (_, r) => r.Number)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Services a filter may choose: every one whose requests the public may see.</summary>
    public async Task<IReadOnlyList<Service>> PublicServicesAsync(string culture, CancellationToken cancellationToken = default)
    {
        var services = await db.Services().AsNoTracking().Where(s => s.Sensitivity != Sensitivity.Hidden).ToListAsync(cancellationToken);
        return services.OrderBy(s => s.Name[culture], StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(culture), ignoreCase: true)).ToList();
    }

    private async Task<IQueryable<ServiceRequest>> FilteredAsync(PublicRequestFilter filter, CancellationToken cancellationToken)
    {
        var (from, to) = Window(filter);
        var query = db.Requests().AsNoTracking()
            .Where(r => r.Service!.Sensitivity != Sensitivity.Hidden && r.RequestedAt >= from);
        if (to is { } end)
        {
            query = query.Where(r => r.RequestedAt < end);
        }
        if (filter.Service is { } code)
        {
            // By id, so the (ServiceId, IsOpen, RequestedAt) index serves the list.
            var serviceId = await db.Services().Where(s => s.Code == code).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken) ?? -1;
            query = query.Where(r => r.ServiceId == serviceId);
        }
        if (filter.DetailedStatus is { } status)
        {
            query = query.Where(r => r.Status == status);
        }
        else if (filter.IsOpen is { } isOpen)
        {
            query = query.Where(r => r.IsOpen == isOpen);
        }
        if (filter.Area is { } area)
        {
            query = query.Where(r => r.AreaCode == area);
        }
        return query;
    }

    /// <summary>The filter's dates are days in the city; the database holds UTC instants.</summary>
    private (DateTimeOffset From, DateTimeOffset? To) Window(PublicRequestFilter filter)
    {
        var zone = city.Value.TimeZoneInfo;
        DateTimeOffset StartOf(DateOnly day)
        {
            var local = day.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }
        var from = filter.From is { } f ? StartOf(f) : clock.GetUtcNow().AddDays(-PublicRequestFilter.DefaultDays);
        DateTimeOffset? to = filter.To is { } t ? StartOf(t.AddDays(1)) : null;
        return (from, to);
    }

    private static IQueryable<Row> Rows(IQueryable<ServiceRequest> query) => query.Select(r => new Row(
        r.Number, r.Service!.Code, r.Service.Name, r.Service.Sensitivity, r.Status,
        r.RequestedAt, r.UpdatedAt, r.Latitude, r.Longitude, r.Address, r.AreaCode, r.AddressMatch));

    private PublicRequestSummary ToSummary(Row r) => new(r.Number, r.Code, r.Name, r.Status, r.RequestedAt, r.UpdatedAt,
        PublicLocation.For(r.Sensitivity, r.Latitude, r.Longitude, r.Address, r.AreaCode, CoarsenMeters) with { PlacedFrom = r.AddressMatch });

    private sealed record Row(string Number, string Code, Platform.Localization.LocalizedText Name, Sensitivity Sensitivity, RequestStatus Status,
        DateTimeOffset RequestedAt, DateTimeOffset UpdatedAt, double? Latitude, double? Longitude, string? Address, string? AreaCode,
        Addresses.AddressMatch? AddressMatch);
}
