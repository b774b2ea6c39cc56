using System.Linq.Expressions;
using Ciudad.Platform.Data;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Localization;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Triage;

/// <summary>One line of the queue: only what the table shows, never the reporter's details or photos.</summary>
internal sealed record QueueRow(
    long Id,
    string Number,
    LocalizedText ServiceNames,
    int DepartmentId,
    RequestStatus Status,
    RequestPriority Priority,
    bool IsOpen,
    DateTimeOffset RequestedAt,
    DateTimeOffset? ExpectedAt,
    DateTimeOffset? SlaBreachedAt,
    DateTimeOffset? ClosedAt,
    string? Address,
    string? AreaCode,
    string Summary,
    string? AssignedToUserId)
{
    public string? AssigneeName { get; init; }

    public string ServiceName(string culture) => ServiceNames[culture];

    public SlaState SlaAt(DateTimeOffset now) => SlaStates.Of(ExpectedAt, SlaBreachedAt, ClosedAt, IsOpen, now);
}

/// <summary>A located request on the queue's map.</summary>
internal sealed record QueueMapPoint(string Number, LocalizedText ServiceNames, RequestStatus Status, string? Address, double Latitude, double Longitude);

/// <summary>A page of the queue. <see cref="TotalIsCapped"/>: there are more than <see cref="Total"/> (counting stopped there).</summary>
internal sealed record QueuePage(IReadOnlyList<QueueRow> Rows, int Total, int Page, int TotalPages, bool TotalIsCapped = false);

/// <summary>
/// The department queue. Built for a million requests: filters and the sort run in SQL on the
/// (department, open, requested) and (assignee, open) indexes, the count is a COUNT, and only one
/// page of narrow rows is read.
/// </summary>
internal sealed class QueueQuery(CiudadDbContext db, TimeProvider clock)
{
    public const int SummaryLength = 90;

    /// <summary>
    /// Counting stops here: "more than 10,000" helps no one less than the exact figure, and an
    /// administrator's view of every open request in a city of a million must not count them all.
    /// </summary>
    public const int CountLimit = 10_000;

    /// <summary>
    /// Below <see cref="CountLimit"/>, counting stops at the next thousand past the page being read:
    /// the first pages say "more than 1,000" (and link on from the last of those pages), so the
    /// usual view counts a thousand rows, not ten. Counting ten thousand index entries was the
    /// largest database cost of showing the queue at a million requests (bench/README.md).
    /// </summary>
    public const int CountStep = 1_000;

    /// <summary>How far to count for <paramref name="page"/>: past its last row, so the next page is always reachable.</summary>
    public static int CountTo(int page) =>
        Math.Min(CountLimit, (Math.Clamp(page, 1, CountLimit / QueueFilter.PageSize) * QueueFilter.PageSize / CountStep + 1) * CountStep);

    public async Task<QueuePage> SearchAsync(QueueFilter filter, string actorUserId, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter, actorUserId, clock.GetUtcNow());
        var countTo = CountTo(filter.Page);
        var total = await query.Take(countTo + 1).CountAsync(cancellationToken);
        var capped = total > countTo;
        total = Math.Min(total, countTo);
        var totalPages = Math.Max(1, (total + QueueFilter.PageSize - 1) / QueueFilter.PageSize);
        var page = Math.Clamp(filter.Page, 1, totalPages);
        var rows = await Sorted(query, filter)
            .Skip((page - 1) * QueueFilter.PageSize)
            .Take(QueueFilter.PageSize)
            .Select(r => new QueueRow(r.Id, r.Number, r.Service!.Name, r.DepartmentId, r.Status, r.Priority,
                r.IsOpen, r.RequestedAt, r.ExpectedAt, r.SlaBreachedAt, r.ClosedAt, r.Address, r.AreaCode,
                r.Description.Substring(0, SummaryLength), r.AssignedToUserId))
            .ToListAsync(cancellationToken);
        var assigneeIds = rows.Select(r => r.AssignedToUserId).OfType<string>().Distinct().ToList();
        var names = assigneeIds.Count == 0 ? [] : await db.Users.AsNoTracking()
            .Where(u => assigneeIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName ?? u.Email ?? u.UserName })
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        rows = [.. rows.Select(r => r with { AssigneeName = r.AssignedToUserId is null ? null : names.GetValueOrDefault(r.AssignedToUserId) })];
        return new QueuePage(rows, total, page, totalPages, capped);
    }

    /// <summary>The most requests the queue's map shows at once; the list beside it says when there are more.</summary>
    public const int MaxMapPoints = 500;

    /// <summary>The located requests a filter selects, in the queue's order, for the map view and its list.</summary>
    public Task<List<QueueMapPoint>> MapPointsAsync(QueueFilter filter, string actorUserId, CancellationToken cancellationToken = default) =>
        Sorted(Filtered(filter, actorUserId, clock.GetUtcNow()).Where(r => r.Latitude != null && r.Longitude != null), filter)
            .Take(MaxMapPoints + 1)
            .Select(r => new QueueMapPoint(r.Number, r.Service!.Name, r.Status, r.Address, r.Latitude!.Value, r.Longitude!.Value))
            .ToListAsync(cancellationToken);

    /// <summary>Every row a filter selects, in the queue's order, for <see cref="QueueCsv"/> to stream.</summary>
    public IQueryable<QueueExportRow> ExportRows(QueueFilter filter, string actorUserId, DateTimeOffset now) =>
        Sorted(Filtered(filter, actorUserId, now), filter)
            .Select(r => new QueueExportRow(r.Number, r.Service!.Name, r.DepartmentId, r.Status, r.Priority, r.IsOpen,
                r.RequestedAt, r.ExpectedAt, r.SlaBreachedAt, r.ClosedAt, r.Address, r.AreaCode, r.Description,
                db.Users.Where(u => u.Id == r.AssignedToUserId).Select(u => u.DisplayName ?? u.Email ?? u.UserName).FirstOrDefault()));

    /// <summary>The requests a filter selects, unsorted.</summary>
    public IQueryable<ServiceRequest> Filtered(QueueFilter filter, string actorUserId, DateTimeOffset now)
    {
        var query = db.Requests().AsNoTracking();
        if (filter.DepartmentIds is { } departments)
        {
            var only = departments.Count == 1 ? departments.First() : (int?)null;
            query = only is { } single
                ? query.Where(r => r.DepartmentId == single)
                : query.Where(r => departments.Contains(r.DepartmentId));
        }
        if (filter.Status is { } status)
        {
            // IsOpen first keeps the (department, open, requested) index useful for a detailed status too.
            var open = status.IsOpen();
            query = query.Where(r => r.IsOpen == open && r.Status == status);
        }
        else if (filter.IsOpen is { } isOpen)
        {
            query = query.Where(r => r.IsOpen == isOpen);
        }
        if (!string.IsNullOrWhiteSpace(filter.ServiceCode))
        {
            // A scalar subquery rather than a join, so the (service, open, requested) index applies.
            var serviceId = db.Services().Where(s => s.Code == filter.ServiceCode).Select(s => s.Id);
            query = query.Where(r => serviceId.Contains(r.ServiceId));
        }
        if (filter.Age is { } age)
        {
            query = age switch
            {
                QueueAge.UnderOneDay => query.Where(r => r.RequestedAt > now.AddDays(-1)),
                QueueAge.OneToThreeDays => query.Where(r => r.RequestedAt <= now.AddDays(-1) && r.RequestedAt > now.AddDays(-3)),
                QueueAge.ThreeToSevenDays => query.Where(r => r.RequestedAt <= now.AddDays(-3) && r.RequestedAt > now.AddDays(-7)),
                _ => query.Where(r => r.RequestedAt <= now.AddDays(-7)),
            };
        }
        if (filter.Sla is { } sla)
        {
            query = query.Where(SlaStates.Matching(sla, now));
        }
        if (filter.Unassigned)
        {
            query = query.Where(r => r.AssignedToUserId == null);
        }
        else if (filter.AssigneeUserId is { } assignee)
        {
            query = query.Where(r => r.AssignedToUserId == assignee);
        }
        if (!string.IsNullOrWhiteSpace(filter.AreaCode))
        {
            query = query.Where(r => r.AreaCode == filter.AreaCode);
        }
        return Searched(query, filter.Search);
    }

    private static IQueryable<ServiceRequest> Searched(IQueryable<ServiceRequest> query, string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return query;
        }
        var number = RequestNumbers.Normalize(search);
        var words = search.Trim().ToUpperInvariant();
        if (words.Length > 200)
        {
            words = words[..200];
        }
        // upper() on both sides: case-insensitive on SQLite and PostgreSQL alike. C#'s culture rules
        // do not apply to SQL, hence the suppression.
#pragma warning disable CA1304, CA1311, CA1862
        return query.Where(r => r.Number == number
            || r.Description.ToUpper().Contains(words)
            || (r.Address != null && r.Address.ToUpper().Contains(words)));
#pragma warning restore CA1304, CA1311, CA1862
    }

    private static IQueryable<ServiceRequest> Sorted(IQueryable<ServiceRequest> query, QueueFilter filter)
    {
        // The service's name in the staff member's language, read from its stored JSON inside the query.
        var culture = SupportedCultures.Normalize(filter.Culture);
        Expression<Func<ServiceRequest, string>> serviceName = r => LocalizedTextSql.In(r.Service!.Name, culture);
        // "Age descending" is oldest first, i.e. requested_at ascending.
        var ordered = (filter.Sort, filter.Descending) switch
        {
            (QueueSort.Age, true) => query.OrderBy(r => r.RequestedAt),
            (QueueSort.Age, false) => query.OrderByDescending(r => r.RequestedAt),
            // Requests without a target go last either way.
            (QueueSort.Due, false) => query.OrderBy(r => r.ExpectedAt == null).ThenBy(r => r.ExpectedAt),
            (QueueSort.Due, true) => query.OrderBy(r => r.ExpectedAt == null).ThenByDescending(r => r.ExpectedAt),
            (QueueSort.Priority, false) => query.OrderBy(r => r.Priority).ThenBy(r => r.RequestedAt),
            (QueueSort.Priority, true) => query.OrderByDescending(r => r.Priority).ThenBy(r => r.RequestedAt),
            (QueueSort.Status, false) => query.OrderBy(r => r.Status).ThenBy(r => r.RequestedAt),
            (QueueSort.Status, true) => query.OrderByDescending(r => r.Status).ThenBy(r => r.RequestedAt),
            (QueueSort.Service, false) => query.OrderBy(serviceName).ThenBy(r => r.RequestedAt),
            (QueueSort.Service, true) => query.OrderByDescending(serviceName).ThenBy(r => r.RequestedAt),
            _ => query.OrderBy(r => r.RequestedAt),
        };
        return ordered.ThenBy(r => r.Id);
    }
}
