using Ciudad.Platform.City;
using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Open311;

/// <summary><c>GET requests</c>, <c>requests/{id}</c>, <c>tokens/{token}</c> and <c>servicerequestupdates</c>.</summary>
internal sealed class Open311RequestReader(
    CiudadDbContext db,
    RequestListQuery listQuery,
    Open311Presenter presenter,
    IOptions<CityOptions> city,
    IOptions<ServiceRequestsOptions> options,
    TimeProvider clock)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int MaxPage = 1_000_000;
    public const int MaxUpdates = 1000;

    /// <summary>
    /// Most requests in one answer to a date-range call without <c>page_size</c> (the spec's own cap):
    /// clients that do not page, like FixMyStreet's hourly fetch, get the whole range.
    /// </summary>
    public const int MaxUnpaged = 1000;
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);
    private static readonly TimeSpan DefaultUpdatesWindow = TimeSpan.FromDays(7);

    /// <summary>
    /// A list answer; unless ids were asked for, it carries the paging headers (<see cref="Open311Paging"/>).
    /// A page past the end is an empty list, so clients that loop until an empty page stop.
    /// </summary>
    public async Task<Open311Result> ListAsync(HttpRequest request, Open311Format format, Open311Input input, string culture, CancellationToken cancellationToken)
    {
        var filter = await listQuery.ResolveAsync(ReadFilter(input) with { Culture = culture }, cancellationToken);
        var rows = await listQuery.ListAsync(filter, cancellationToken);
        var body = await PresentAsync(rows, input, cancellationToken);
        if (filter.Numbers is not null)
        {
            return Open311Result.Ok(format, body);
        }
        // A first page that is not full needs no count: it is all there is.
        var total = filter.Page == 1 && rows.Count < filter.PageSize ? rows.Count : await listQuery.CountAsync(filter, cancellationToken);
        return new Open311Result(format, StatusCodes.Status200OK, body)
        {
            Headers = Open311Paging.Headers(request, presenter, filter.Page, filter.PageSize, total),
        };
    }

    public async Task<Open311Node> SingleAsync(string id, Open311Input input, string culture, CancellationToken cancellationToken)
    {
        var number = RequestNumbers.Normalize(id);
        var rows = number is null ? [] : await listQuery.ListAsync(new RequestListFilter { Numbers = [number], Culture = culture }, cancellationToken);
        if (rows.Count == 0)
        {
            // Hidden-sensitivity requests answer exactly like unknown ones: their existence is not public.
            throw Open311Problem.NotFound($"There is no service request with service_request_id '{Open311Call.Truncate(id)}'.");
        }
        return await PresentAsync(rows, input, cancellationToken);
    }

    public async Task<Open311Node> TokenAsync(string token, CancellationToken cancellationToken)
    {
        var number = token.Length > 64 ? null
            : await db.Requests().AsNoTracking().Where(r => r.Token == token).Select(r => r.Number).FirstOrDefaultAsync(cancellationToken);
        if (number is null)
        {
            throw Open311Problem.NotFound($"Unknown token '{Open311Call.Truncate(token)}'. This server never issues tokens: "
                + "POST requests answers with the service_request_id at once, so there is nothing to look up here.");
        }
        return new Open311List("service_requests", "request",
            [Open311Record.Of("request", ("service_request_id", number), ("token", token))]);
    }

    /// <summary>mySociety's public updates feed: public timeline entries in a window, oldest first.</summary>
    public async Task<Open311Node> UpdatesAsync(Open311Input input, CancellationToken cancellationToken)
    {
        var zone = city.Value.TimeZoneInfo;
        var start = input.DateTime("start_date", zone);
        var end = input.DateTime("end_date", zone);
        CheckOrder(start, end, "start_date", "end_date");
        // Without a start: the week before the end (or before now). Without an end: open-ended.
        var from = start ?? (end ?? clock.GetUtcNow()) - DefaultUpdatesWindow;
        var events = db.RequestEvents().AsNoTracking().Where(e => e.IsPublic && e.OccurredAt >= from);
        if (end is { } to)
        {
            events = events.Where(e => e.OccurredAt <= to);
        }
        var page = input.Integer("page", 1, MaxPage) ?? 1;
        var pageSize = input.Integer("page_size", 1, MaxUpdates, clamp: true) ?? MaxUpdates;

        var photos = db.RequestPhotos().AsNoTracking();
        var updates = await (
            from e in events
            join r in db.Requests().AsNoTracking() on e.RequestId equals r.Id
            join s in db.Services().AsNoTracking() on r.ServiceId equals s.Id
            where s.Sensitivity != Sensitivity.Hidden
            orderby e.OccurredAt, e.Id
            select new
            {
                e.Id,
                r.Number,
                e.Status,
                e.OccurredAt,
                // A coarsened report's reopen note is the reporter's own words, which may name the house.
                Note = s.Sensitivity == Sensitivity.CoarsenedLocation && e.Kind == RequestEventKind.Reopened ? null : e.Note,
                // The report's own photo belongs to its first update; later updates carry no media. Only
                // fully public services publish photos.
                Photo = e.Kind == RequestEventKind.Received && s.Sensitivity == Sensitivity.Public
                    ? photos.Where(p => p.RequestId == r.Id && p.IsPublic).OrderBy(p => p.Order).Select(p => (Guid?)p.Id).FirstOrDefault()
                    : null,
            })
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new Open311List("service_request_updates", "request_update", [.. updates.Select(u => Open311Record.Of("request_update",
            ("update_id", u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("service_request_id", u.Number),
            ("status", u.Status.DetailedName()),
            ("updated_datetime", presenter.Local(u.OccurredAt)),
            ("description", u.Note ?? ""),
            ("media_url", u.Photo is { } photo ? presenter.Absolute(RequestLinks.Photo(u.Number, photo)) : null)))]);
    }

    private async Task<Open311Node> PresentAsync(List<RequestListRow> rows, Open311Input input, CancellationToken cancellationToken)
    {
        var extensions = input.Flag("extensions") ? await RequestExtensions.LoadAsync(db, rows, cancellationToken) : null;
        return new Open311List("service_requests", "request", [.. rows.Select(r => presenter.Request(r, extensions))]);
    }

    public RequestListFilter ReadFilter(Open311Input input)
    {
        var ids = input.List("service_request_id", RequestListQuery.MaxNumbers);
        if (ids is not null)
        {
            // The spec: a list of ids overrides every other filter. Ids that cannot exist simply match nothing.
            return new RequestListFilter { Numbers = [.. ids.Select(RequestNumbers.Normalize).OfType<string>().Distinct()] };
        }
        var zone = city.Value.TimeZoneInfo;
        var start = input.DateTime("start_date", zone);
        var end = input.DateTime("end_date", zone);
        var updatedAfter = input.DateTime("updated_after", zone);
        var updatedBefore = input.DateTime("updated_before", zone);
        CheckOrder(start, end, "start_date", "end_date");
        CheckOrder(updatedAfter, updatedBefore, "updated_after", "updated_before");
        var dateRange = start is not null || end is not null || updatedAfter is not null || updatedBefore is not null;
        if (!dateRange)
        {
            start = clock.GetUtcNow() - DefaultWindow;
        }
        var box = ReadBox(input);
        return new RequestListFilter
        {
            ServiceCodes = input.List("service_code", 200),
            IsOpen = ReadStatus(input),
            RequestedFrom = start,
            RequestedTo = end,
            UpdatedAfter = updatedAfter,
            UpdatedBefore = updatedBefore,
            Text = ReadText(input),
            Box = box,
            CoarseRanges = box is { } b ? CoarseGrid.ExactRanges(b, options.Value.CoarsenMeters) : null,
            Page = input.Integer("page", 1, MaxPage) ?? 1,
            PageSize = input.Integer("page_size", 1, MaxPageSize, clamp: true) ?? (dateRange ? MaxUnpaged : DefaultPageSize),
        };
    }

    private static bool? ReadStatus(Open311Input input)
    {
        var statuses = input.List("status", 10);
        if (statuses is null)
        {
            return null;
        }
        if (statuses.Any(s => s is not ("open" or "closed")))
        {
            throw Open311Problem.BadRequest("status must be open, closed, or both separated by a comma.");
        }
        return statuses.Count == 2 ? null : statuses[0] == "open";
    }

    private static string? ReadText(Open311Input input)
    {
        var text = input.Text("q");
        if (text is { Length: > 200 })
        {
            throw Open311Problem.BadRequest("q must be 200 characters or fewer.");
        }
        return text?.ToLowerInvariant();
    }

    private static GeoBox? ReadBox(Open311Input input)
    {
        var text = input.Text("bbox");
        if (text is null)
        {
            return null;
        }
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var numbers = parts.Select(p => double.TryParse(p, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : (double?)null).ToList();
        if (numbers.Count != 4 || numbers.Any(n => n is null)
            || numbers[0] is < -180 or > 180 || numbers[2] is < -180 or > 180 || numbers[1] is < -90 or > 90 || numbers[3] is < -90 or > 90
            || numbers[0] > numbers[2] || numbers[1] > numbers[3])
        {
            throw Open311Problem.BadRequest("bbox must be minLng,minLat,maxLng,maxLat in decimal degrees, like -106.50,31.75,-106.47,31.77.");
        }
        return new GeoBox(numbers[1]!.Value, numbers[0]!.Value, numbers[3]!.Value, numbers[2]!.Value);
    }

    private static void CheckOrder(DateTimeOffset? from, DateTimeOffset? to, string fromName, string toName)
    {
        if (from is not null && to is not null && from > to)
        {
            throw Open311Problem.BadRequest($"{fromName} must not be after {toName}.");
        }
    }
}
