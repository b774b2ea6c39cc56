using System.Linq.Expressions;
using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Localization;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>What <c>GET requests</c> asked for, already parsed and checked. Instants are UTC.</summary>
internal sealed record RequestListFilter
{
    /// <summary><c>service_request_id</c>: when set, every other filter (and paging) is ignored.</summary>
    public IReadOnlyList<string>? Numbers { get; init; }
    public IReadOnlyList<string>? ServiceCodes { get; init; }

    /// <summary>
    /// <see cref="ServiceCodes"/> resolved to ids (<see cref="RequestListQuery.ResolveAsync"/>). Filtering on
    /// the request's own service_id lets PostgreSQL walk the (service, open, requested_at) index in
    /// order and stop after one page; filtering on the joined code made it read and sort every match.
    /// </summary>
    public IReadOnlyList<int>? ServiceIds { get; init; }
    public bool? IsOpen { get; init; }
    public DateTimeOffset? RequestedFrom { get; init; }
    public DateTimeOffset? RequestedTo { get; init; }
    public DateTimeOffset? UpdatedAfter { get; init; }
    public DateTimeOffset? UpdatedBefore { get; init; }

    /// <summary>Lower-case words looked for in descriptions (and addresses that are public).</summary>
    public string? Text { get; init; }
    public GeoBox? Box { get; init; }

    /// <summary>
    /// For coarsened services: the exact-coordinate rectangles made of the grid cells whose published
    /// centre lies in <see cref="Box"/> (<see cref="CoarseGrid.ExactRanges"/>).
    /// </summary>
    public IReadOnlyList<GeoBox>? CoarseRanges { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    /// <summary>The language service and department names are read in (inside the query, so no JSON is parsed per row).</summary>
    public string Culture { get; init; } = "en";
}

/// <summary>A latitude/longitude rectangle; the maxima are exclusive for <see cref="RequestListFilter.CoarseRanges"/>.</summary>
internal readonly record struct GeoBox(double MinLatitude, double MinLongitude, double MaxLatitude, double MaxLongitude);

/// <summary>One request as the list shows it: only the columns GeoReport needs (no personal data is read).</summary>
internal sealed record RequestListRow
{
    public long Id { get; init; }
    public required string Number { get; init; }
    public required string ServiceCode { get; init; }
    public required string ServiceName { get; init; }
    public Sensitivity Sensitivity { get; init; }
    public required string DepartmentName { get; init; }
    public RequestStatus Status { get; init; }
    public string? StatusNotes { get; init; }
    public required string Description { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Address { get; init; }
    public string? AddressId { get; init; }
    public string? Zipcode { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset? ExpectedAt { get; init; }
    public RequestChannel Channel { get; init; }
    public long? ParentRequestId { get; init; }
    public Guid? FirstPhotoId { get; init; }
}

/// <summary>
/// The SQL behind <c>GET requests</c> and <c>GET requests/{id}</c>, kept in one place so the
/// benchmark baseline can run exactly the same statement through plain Npgsql
/// (<see cref="ToSql"/>). It reads no personal columns, filters on indexed columns
/// (service + open + requested_at; requested_at; updated_at), leaves hidden services out in SQL
/// (so a service made hidden disappears at once), and orders newest first with the id as tie-break
/// so pages are stable.
/// </summary>
internal sealed class RequestListQuery(CiudadDbContext db, ServiceCodeDirectory serviceCodes)
{
    /// <summary>Most ids one <c>service_request_id</c> list may name.</summary>
    public const int MaxNumbers = 1000;

    public async Task<List<RequestListRow>> ListAsync(RequestListFilter filter, CancellationToken cancellationToken = default)
    {
        filter = await ResolveAsync(filter, cancellationToken);
        if (filter.Numbers is [var number])
        {
            return await SingleQuery.For(db)(db, number, filter.Culture).ToListAsync(cancellationToken);
        }
        if (IsPlain(filter))
        {
            return await PageQuery.For(db)(db, filter.ServiceIds is { } ids ? [.. ids] : null, filter.IsOpen, filter.RequestedFrom, filter.RequestedTo,
                filter.UpdatedAfter, filter.UpdatedBefore, (filter.Page - 1) * filter.PageSize, filter.PageSize, filter.Culture).ToListAsync(cancellationToken);
        }
        return await Build(filter).ToListAsync(cancellationToken);
    }

    /// <summary>Turns service codes into ids (remembered; see <see cref="ServiceCodeDirectory"/>); unknown codes match nothing.</summary>
    public async Task<RequestListFilter> ResolveAsync(RequestListFilter filter, CancellationToken cancellationToken = default)
    {
        if (filter.ServiceCodes is not { } codes || filter.ServiceIds is not null)
        {
            return filter;
        }
        var ids = new List<int>(codes.Count);
        var unknown = new List<string>();
        foreach (var code in codes)
        {
            if (serviceCodes.TryGet(code, out var id))
            {
                ids.Add(id);
            }
            else
            {
                unknown.Add(code);
            }
        }
        if (unknown.Count > 0)
        {
            foreach (var found in await db.Services().AsNoTracking().Where(s => unknown.Contains(s.Code))
                .Select(s => new { s.Code, s.Id }).ToListAsync(cancellationToken))
            {
                serviceCodes.Remember(found.Code, found.Id);
                ids.Add(found.Id);
            }
        }
        return filter with { ServiceIds = ids };
    }

    /// <summary>The statement with its parameters, for the benchmark baseline and for reading plans.</summary>
    public string ToSql(RequestListFilter filter) => Build(filter).ToQueryString();

    /// <summary>The ids of every match, unordered: the benchmark baseline counts them as <see cref="CountAsync"/> does.</summary>
    public string MatchesSql(RequestListFilter filter) => Filtered(filter).Select(x => x.Request.Id).ToQueryString();

    /// <summary>How many requests match, all pages together (the paging headers' total).</summary>
    public async Task<int> CountAsync(RequestListFilter filter, CancellationToken cancellationToken = default)
    {
        filter = await ResolveAsync(filter, cancellationToken);
        return IsPlain(filter)
            ? await CountQuery.For(db)(db, filter.ServiceIds is { } ids ? [.. ids] : null, filter.IsOpen, filter.RequestedFrom, filter.RequestedTo,
                filter.UpdatedAfter, filter.UpdatedBefore, cancellationToken)
            : await Filtered(filter).CountAsync(cancellationToken);
    }

    /// <summary>
    /// A list filtered on the request's own columns only (no ids, words or box): the shape almost
    /// every client sends, run as a compiled query. EF then skips translating the LINQ on each call
    /// (about a fifth of a list call's CPU, see bench/README.md); it still writes the SQL once per
    /// pattern of unset filters, and that SQL is the same as the general path's (a test compares them).
    /// </summary>
    private static bool IsPlain(RequestListFilter filter) =>
        filter.Numbers is null && filter.Text is null && filter.Box is null && (filter.ServiceIds is not null || filter.ServiceCodes is null);

    public IQueryable<RequestListRow> Build(RequestListFilter filter)
    {
        var query = Filtered(filter);
        var culture = filter.Culture;
        if (filter.Numbers is [_])
        {
            return query.Select(ExpressionInlining.Expand<Expression<Func<Joined, RequestListRow>>>(x => Row.Invoke<RequestListRow>(db, x, culture)));
        }
        var ordered = query.OrderByDescending(x => x.Request.RequestedAt).ThenByDescending(x => x.Request.Id);
        var page = filter.Numbers is null
            ? ordered.Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            : ordered.Take(MaxNumbers);
        return page.Select(ExpressionInlining.Expand<Expression<Func<Joined, RequestListRow>>>(x => Row.Invoke<RequestListRow>(db, x, culture)));
    }

    /// <summary>Requests of services that are not hidden, with the service and department.</summary>
    private static readonly Expression<Func<CiudadDbContext, IQueryable<Joined>>> Visible = db =>
        from r in db.Set<ServiceRequest>().AsNoTracking()
        join s in db.Set<Service>().AsNoTracking() on r.ServiceId equals s.Id
        join d in db.Set<Department>().AsNoTracking() on r.DepartmentId equals d.Id
        where s.Sensitivity != Sensitivity.Hidden
        select new Joined { Request = r, Service = s, Department = d };

    private static readonly Func<CiudadDbContext, IQueryable<Joined>> VisibleRows = Visible.Compile();

    /// <summary>One request as the list shows it, names in <c>culture</c>.</summary>
    private static readonly Expression<Func<CiudadDbContext, Joined, string, RequestListRow>> Row = (db, x, culture) => new RequestListRow
    {
        Id = x.Request.Id,
        Number = x.Request.Number,
        ServiceCode = x.Service.Code,
        ServiceName = LocalizedTextSql.In(x.Service.Name, culture),
        Sensitivity = x.Service.Sensitivity,
        DepartmentName = LocalizedTextSql.In(x.Department.Name, culture),
        Status = x.Request.Status,
        // A coarsened report's reopen note is the reporter's own words (like its description, it may
        // name the house): its public status notes are the latest note from the city instead.
        StatusNotes = x.Service.Sensitivity == Sensitivity.CoarsenedLocation
            ? db.Set<RequestEvent>().AsNoTracking()
                .Where(e => e.RequestId == x.Request.Id && e.IsPublic && e.Note != null && e.Kind != RequestEventKind.Reopened)
                .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Select(e => e.Note).FirstOrDefault()
            : x.Request.StatusNotes,
        Description = x.Request.Description,
        Latitude = x.Request.Latitude,
        Longitude = x.Request.Longitude,
        Address = x.Request.Address,
        AddressId = x.Request.AddressId,
        Zipcode = x.Request.Zipcode,
        RequestedAt = x.Request.RequestedAt,
        UpdatedAt = x.Request.UpdatedAt,
        ClosedAt = x.Request.ClosedAt,
        ExpectedAt = x.Request.ExpectedAt,
        Channel = x.Request.Channel,
        ParentRequestId = x.Request.ParentRequestId,
        // Photos can show a house or a face: only fully public services publish them (as on the tracking page).
        FirstPhotoId = db.Set<RequestPhoto>().AsNoTracking()
            .Where(p => p.RequestId == x.Request.Id && p.IsPublic && x.Service.Sensitivity == Sensitivity.Public)
            .OrderBy(p => p.Order).Select(p => (Guid?)p.Id).FirstOrDefault(),
    };

    /// <summary>
    /// The column filters of <see cref="IsPlain"/> lists, with null meaning "not filtered"; EF drops
    /// the null checks from the SQL (it writes one statement per pattern of nulls).
    /// </summary>
    private static readonly Expression<Func<Joined, int[]?, bool?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, bool>> ColumnFilters =
        (x, ids, open, from, to, after, before) =>
            (ids == null || ids.Contains(x.Request.ServiceId))
            && (open == null || x.Request.IsOpen == open)
            && (from == null || x.Request.RequestedAt >= from)
            && (to == null || x.Request.RequestedAt <= to)
            && (after == null || x.Request.UpdatedAt > after)
            && (before == null || x.Request.UpdatedAt < before);

    // The fixed shapes as EF compiled queries, kept per model (see CompiledQuery<T>): a page of a
    // plain list, its count, and one request by number.
    private static readonly CompiledQuery<Func<CiudadDbContext, int[]?, bool?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, int, int, string, IAsyncEnumerable<RequestListRow>>> PageQuery = new(() =>
        EF.CompileAsyncQuery(ExpressionInlining.Expand<Expression<Func<CiudadDbContext, int[]?, bool?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, int, int, string, IQueryable<RequestListRow>>>>(
            (db, ids, open, from, to, after, before, skip, take, culture) =>
                Visible.Invoke<IQueryable<Joined>>(db)
                    .Where(x => ColumnFilters.Invoke<bool>(x, ids, open, from, to, after, before))
                    .OrderByDescending(x => x.Request.RequestedAt).ThenByDescending(x => x.Request.Id)
                    .Skip(skip).Take(take)
                    .Select(x => Row.Invoke<RequestListRow>(db, x, culture)))));

    private static readonly CompiledQuery<Func<CiudadDbContext, int[]?, bool?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, CancellationToken, Task<int>>> CountQuery = new(() =>
        EF.CompileAsyncQuery(ExpressionInlining.Expand<Expression<Func<CiudadDbContext, int[]?, bool?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, CancellationToken, int>>>(
            (db, ids, open, from, to, after, before, cancellationToken) =>
                Visible.Invoke<IQueryable<Joined>>(db).Count(x => ColumnFilters.Invoke<bool>(x, ids, open, from, to, after, before)))));

    private static readonly CompiledQuery<Func<CiudadDbContext, string, string, IAsyncEnumerable<RequestListRow>>> SingleQuery = new(() =>
        EF.CompileAsyncQuery(ExpressionInlining.Expand<Expression<Func<CiudadDbContext, string, string, IQueryable<RequestListRow>>>>(
            (db, number, culture) =>
                Visible.Invoke<IQueryable<Joined>>(db).Where(x => x.Request.Number == number).Select(x => Row.Invoke<RequestListRow>(db, x, culture)))));

    private IQueryable<Joined> Filtered(RequestListFilter filter)
    {
        var query = VisibleRows(db);

        if (filter.Numbers is [var number])
        {
            query = query.Where(x => x.Request.Number == number);
        }
        else if (filter.Numbers is { } numbers)
        {
            query = query.Where(x => numbers.Contains(x.Request.Number));
        }
        else
        {
            if (filter.ServiceIds is { } ids)
            {
                query = query.Where(x => ids.Contains(x.Request.ServiceId));
            }
            else if (filter.ServiceCodes is { } codes)
            {
                query = query.Where(x => codes.Contains(x.Service.Code));
            }
            if (filter.IsOpen is { } open)
            {
                query = query.Where(x => x.Request.IsOpen == open);
            }
            if (filter.RequestedFrom is { } from)
            {
                query = query.Where(x => x.Request.RequestedAt >= from);
            }
            if (filter.RequestedTo is { } to)
            {
                query = query.Where(x => x.Request.RequestedAt <= to);
            }
            if (filter.UpdatedAfter is { } after)
            {
                query = query.Where(x => x.Request.UpdatedAt > after);
            }
            if (filter.UpdatedBefore is { } before)
            {
                query = query.Where(x => x.Request.UpdatedAt < before);
            }
            if (filter.Text is { } text)
            {
                // A coarsened request's description and address are not public, so they must not be searchable either.
                // ToLower() here is SQL lower() on both providers, not .NET's culture-dependent one.
#pragma warning disable CA1304, CA1311, CA1862
                query = query.Where(x => x.Service.Sensitivity == Sensitivity.Public
                    && (x.Request.Description.ToLower().Contains(text) || (x.Request.Address != null && x.Request.Address.ToLower().Contains(text))));
#pragma warning restore CA1304, CA1311, CA1862
            }
            if (filter.Box is { } box)
            {
                query = query.Where(InBox(box, filter.CoarseRanges ?? []));
            }
        }

        return query;
    }

    /// <summary>
    /// Public requests by their exact point; coarsened ones by their published (grid-centre) point
    /// only, through whole cells, never the exact one: otherwise a tiny or stretched box would reveal the house.
    /// </summary>
    private static Expression<Func<Joined, bool>> InBox(GeoBox box, IReadOnlyList<GeoBox> coarseRanges)
    {
        Expression<Func<Joined, bool>> exact = x => x.Service.Sensitivity == Sensitivity.Public
            && x.Request.Latitude >= box.MinLatitude && x.Request.Latitude <= box.MaxLatitude
            && x.Request.Longitude >= box.MinLongitude && x.Request.Longitude <= box.MaxLongitude;
        var body = exact.Body;
        foreach (var cells in coarseRanges)
        {
            Expression<Func<Joined, bool>> coarse = x => x.Service.Sensitivity == Sensitivity.CoarsenedLocation
                && x.Request.Latitude >= cells.MinLatitude && x.Request.Latitude < cells.MaxLatitude
                && x.Request.Longitude >= cells.MinLongitude && x.Request.Longitude < cells.MaxLongitude;
            body = Expression.OrElse(body, new ParameterSwap(coarse.Parameters[0], exact.Parameters[0]).Visit(coarse.Body));
        }
        return Expression.Lambda<Func<Joined, bool>>(body, exact.Parameters);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    /// <summary>A request with its service and department, as the query filters them.</summary>
    private sealed class Joined
    {
        public required ServiceRequest Request { get; init; }
        public required Service Service { get; init; }
        public required Department Department { get; init; }
    }
}
