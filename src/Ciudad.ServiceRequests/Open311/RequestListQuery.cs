using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>What <c>GET requests</c> asked for, already parsed and checked. Instants are UTC.</summary>
public sealed record RequestListFilter
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

    /// <summary>For coarsened services: the exact-coordinate range whose grid cells have their centre in <see cref="Box"/>.</summary>
    public GeoBox? CoarseBox { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

/// <summary>A latitude/longitude rectangle; the maxima are exclusive for <see cref="RequestListFilter.CoarseBox"/>.</summary>
public readonly record struct GeoBox(double MinLatitude, double MinLongitude, double MaxLatitude, double MaxLongitude);

/// <summary>One request as the list shows it: only the columns GeoReport needs (no personal data is read).</summary>
public sealed record RequestListRow
{
    public long Id { get; init; }
    public required string Number { get; init; }
    public required string ServiceCode { get; init; }
    public required string ServiceNameEn { get; init; }
    public required string ServiceNameEs { get; init; }
    public Sensitivity Sensitivity { get; init; }
    public required string DepartmentNameEn { get; init; }
    public required string DepartmentNameEs { get; init; }
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
public sealed class RequestListQuery(CiudadDbContext db, ServiceCodeDirectory serviceCodes)
{
    /// <summary>Most ids one <c>service_request_id</c> list may name.</summary>
    public const int MaxNumbers = 1000;

    public async Task<List<RequestListRow>> ListAsync(RequestListFilter filter, CancellationToken cancellationToken = default) =>
        await Build(await ResolveAsync(filter, cancellationToken)).ToListAsync(cancellationToken);

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

    public IQueryable<RequestListRow> Build(RequestListFilter filter)
    {
        var query =
            from r in db.Requests().AsNoTracking()
            join s in db.Services().AsNoTracking() on r.ServiceId equals s.Id
            join d in db.Departments.AsNoTracking() on r.DepartmentId equals d.Id
            where s.Sensitivity != Sensitivity.Hidden
            select new { r, s, d };

        if (filter.Numbers is { } numbers)
        {
            query = query.Where(x => numbers.Contains(x.r.Number));
        }
        else
        {
            if (filter.ServiceIds is { } ids)
            {
                query = query.Where(x => ids.Contains(x.r.ServiceId));
            }
            else if (filter.ServiceCodes is { } codes)
            {
                query = query.Where(x => codes.Contains(x.s.Code));
            }
            if (filter.IsOpen is { } open)
            {
                query = query.Where(x => x.r.IsOpen == open);
            }
            if (filter.RequestedFrom is { } from)
            {
                query = query.Where(x => x.r.RequestedAt >= from);
            }
            if (filter.RequestedTo is { } to)
            {
                query = query.Where(x => x.r.RequestedAt <= to);
            }
            if (filter.UpdatedAfter is { } after)
            {
                query = query.Where(x => x.r.UpdatedAt > after);
            }
            if (filter.UpdatedBefore is { } before)
            {
                query = query.Where(x => x.r.UpdatedAt < before);
            }
            if (filter.Text is { } text)
            {
                // A coarsened request's description and address are not public, so they must not be searchable either.
                // ToLower() here is SQL lower() on both providers, not .NET's culture-dependent one.
#pragma warning disable CA1304, CA1311, CA1862
                query = query.Where(x => x.s.Sensitivity == Sensitivity.Public
                    && (x.r.Description.ToLower().Contains(text) || (x.r.Address != null && x.r.Address.ToLower().Contains(text))));
#pragma warning restore CA1304, CA1311, CA1862
            }
            if (filter.Box is { } box)
            {
                // Coarsened requests are matched on their published (grid-centre) position, never the
                // exact one: otherwise a tiny box would reveal the house.
                var coarse = filter.CoarseBox ?? new GeoBox(1, 1, 0, 0);
                query = query.Where(x =>
                    (x.s.Sensitivity == Sensitivity.Public
                        && x.r.Latitude >= box.MinLatitude && x.r.Latitude <= box.MaxLatitude
                        && x.r.Longitude >= box.MinLongitude && x.r.Longitude <= box.MaxLongitude)
                    || (x.s.Sensitivity == Sensitivity.CoarsenedLocation
                        && x.r.Latitude >= coarse.MinLatitude && x.r.Latitude < coarse.MaxLatitude
                        && x.r.Longitude >= coarse.MinLongitude && x.r.Longitude < coarse.MaxLongitude));
            }
        }

        var ordered = query.OrderByDescending(x => x.r.RequestedAt).ThenByDescending(x => x.r.Id);
        var page = filter.Numbers is null
            ? ordered.Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            : ordered.Take(MaxNumbers);
        var photos = db.RequestPhotos().AsNoTracking();
        return page.Select(x => new RequestListRow
        {
            Id = x.r.Id,
            Number = x.r.Number,
            ServiceCode = x.s.Code,
            ServiceNameEn = x.s.NameEn,
            ServiceNameEs = x.s.NameEs,
            Sensitivity = x.s.Sensitivity,
            DepartmentNameEn = x.d.NameEn,
            DepartmentNameEs = x.d.NameEs,
            Status = x.r.Status,
            StatusNotes = x.r.StatusNotes,
            Description = x.r.Description,
            Latitude = x.r.Latitude,
            Longitude = x.r.Longitude,
            Address = x.r.Address,
            AddressId = x.r.AddressId,
            Zipcode = x.r.Zipcode,
            RequestedAt = x.r.RequestedAt,
            UpdatedAt = x.r.UpdatedAt,
            ClosedAt = x.r.ClosedAt,
            ExpectedAt = x.r.ExpectedAt,
            Channel = x.r.Channel,
            ParentRequestId = x.r.ParentRequestId,
            FirstPhotoId = photos.Where(p => p.RequestId == x.r.Id && p.IsPublic).OrderBy(p => p.Order).Select(p => (Guid?)p.Id).FirstOrDefault(),
        });
    }
}
