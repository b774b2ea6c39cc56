using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Ciudad.Platform.City;
using Ciudad.Platform.Data;
using Ciudad.Platform.Localization;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Sla;

/// <summary>
/// The numbers behind the SLA dashboard. Every figure is aggregated by the database (GROUP BY on
/// department and service); only a few rows per service come back, however many requests exist.
/// </summary>
internal sealed class DashboardQueries(CiudadDbContext db, IOptions<CityOptions> city, TimeProvider clock)
{
    private static readonly TimeSpan[] BucketEdges = [TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(7), TimeSpan.FromDays(30)];

    /// <param name="from">First day of the period (city time), inclusive.</param>
    /// <param name="to">Last day of the period (city time), inclusive.</param>
    /// <param name="departmentIds">Departments to include; null for all.</param>
    public async Task<DashboardReport> RunAsync(DateOnly from, DateOnly to, IReadOnlyCollection<int>? departmentIds, CancellationToken cancellationToken = default)
    {
        var zone = city.Value.TimeZoneInfo;
        var start = StartOfDay(from, zone);
        var end = StartOfDay(to.AddDays(1), zone);
        var now = clock.GetUtcNow();
        var asOf = end < now ? end : now;

        var backlog = await BacklogAsync(departmentIds, asOf, cancellationToken);
        var closed = await ClosedAsync(departmentIds, start, end, cancellationToken);
        var medians = new Dictionary<MedianGrouping, Dictionary<int, TimeSpan>>();
        foreach (var grouping in Enum.GetValues<MedianGrouping>())
        {
            medians[grouping] = await MedianToCloseAsync(grouping, departmentIds, start, end, cancellationToken);
        }

        var departmentNames = await db.Departments.AsNoTracking()
            .Select(d => new { d.Id, d.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var serviceNames = await db.Services().AsNoTracking()
            .Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);

        List<DashboardRow> Rows(Func<Cell, int> key, IReadOnlyDictionary<int, LocalizedText> names, MedianGrouping grouping) =>
            backlog.Select(key).Concat(closed.Select(key)).Distinct()
                .Select(id => Row(id, names.TryGetValue(id, out var n) ? n : LocalizedText.Of(id.ToString(CultureInfo.InvariantCulture), id.ToString(CultureInfo.InvariantCulture)),
                    backlog.Where(c => key(c) == id), closed.Where(c => key(c) == id), medians[grouping].GetValueOrDefault(id)))
                .ToList();

        return new DashboardReport(start, end, asOf,
            Rows(c => c.DepartmentId, departmentNames, MedianGrouping.Department),
            Rows(c => c.ServiceId, serviceNames, MedianGrouping.Service),
            Row(0, LocalizedText.Of("Total", "Total"), backlog, closed, medians[MedianGrouping.Total].GetValueOrDefault(0)));
    }

    private static DashboardRow Row(int id, LocalizedText name, IEnumerable<Cell> backlog, IEnumerable<Cell> closed, TimeSpan median)
    {
        var buckets = new int[BucketEdges.Length + 1];
        foreach (var cell in backlog)
        {
            buckets[cell.Bucket] += cell.Count;
        }
        var closedCells = closed.ToList();
        var count = closedCells.Sum(c => c.Count);
        return new DashboardRow(id, name, buckets, count,
            closedCells.Sum(c => c.WithTarget), closedCells.Sum(c => c.OnTime), count == 0 ? null : median);
    }

    /// <summary>
    /// Requests open at <paramref name="asOf"/>, counted by department, service and age bucket. A
    /// request closed after that instant still counts, so a past period shows its own backlog.
    /// </summary>
    private async Task<List<Cell>> BacklogAsync(IReadOnlyCollection<int>? departmentIds, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var (oneDay, threeDays, sevenDays, thirtyDays) = (asOf - BucketEdges[0], asOf - BucketEdges[1], asOf - BucketEdges[2], asOf - BucketEdges[3]);
        return await InDepartments(departmentIds)
            .Where(r => r.RequestedAt < asOf && (r.IsOpen || r.ClosedAt > asOf))
            .Select(r => new
            {
                r.DepartmentId,
                r.ServiceId,
                Bucket = r.RequestedAt > oneDay ? 0 : r.RequestedAt > threeDays ? 1 : r.RequestedAt > sevenDays ? 2 : r.RequestedAt > thirtyDays ? 3 : 4,
            })
            .GroupBy(r => new { r.DepartmentId, r.ServiceId, r.Bucket })
            .Select(g => new Cell(g.Key.DepartmentId, g.Key.ServiceId, g.Key.Bucket, g.Count(), 0, 0))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Requests closed in the period by department and service, with how many met their due time.</summary>
    private async Task<List<Cell>> ClosedAsync(IReadOnlyCollection<int>? departmentIds, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        await ClosedIn(InDepartments(departmentIds), start, end)
            .GroupBy(r => new { r.DepartmentId, r.ServiceId })
            .Select(g => new Cell(g.Key.DepartmentId, g.Key.ServiceId, 0, g.Count(),
                g.Count(r => r.ExpectedAt != null),
                g.Count(r => r.ExpectedAt != null && r.ClosedAt <= r.ExpectedAt)))
            .ToListAsync(cancellationToken);

    // Merged duplicates close the moment staff merge them, not when the work is done; counting them
    // would flatter both the on-time share and the median.
    private static IQueryable<ServiceRequest> ClosedIn(IQueryable<ServiceRequest> requests, DateTimeOffset start, DateTimeOffset end) =>
        requests.Where(r => !r.IsOpen && r.Status != RequestStatus.Duplicate && r.ClosedAt >= start && r.ClosedAt < end);

    private IQueryable<ServiceRequest> InDepartments(IReadOnlyCollection<int>? departmentIds) =>
        departmentIds is null ? db.Requests().AsNoTracking() : db.Requests().AsNoTracking().Where(r => departmentIds.Contains(r.DepartmentId));

    private enum MedianGrouping
    {
        Department,
        Service,
        Total,
    }

    /// <summary>
    /// Median received-to-closed time per group, computed by the database so no request is loaded:
    /// PostgreSQL has <c>percentile_cont</c>; SQLite has no percentile aggregate, so the median is
    /// taken with window functions (the middle row, or the mean of the two middle rows, of each
    /// group ordered by duration) — the same definition as <c>percentile_cont(0.5)</c>.
    /// </summary>
    private async Task<Dictionary<int, TimeSpan>> MedianToCloseAsync(MedianGrouping grouping, IReadOnlyCollection<int>? departmentIds,
        DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var postgres = db.Database.IsNpgsql();
        var group = grouping switch
        {
            MedianGrouping.Department => "department_id",
            MedianGrouping.Service => "service_id",
            _ => "0",
        };
        var inDepartments = departmentIds is null ? "" : postgres
            ? "AND department_id = ANY(@departments)"
            : "AND department_id IN (SELECT value FROM json_each(@departments))";
        var closedInPeriod = $"""
            is_open = {(postgres ? "false" : "0")} AND status <> {(int)RequestStatus.Duplicate}
            AND closed_at >= @start AND closed_at < @end {inDepartments}
            """;
        var sql = postgres
            ? $"""
              SELECT {group}, EXTRACT(EPOCH FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY closed_at - requested_at))::double precision
              FROM sr_requests WHERE {closedInPeriod} {(grouping == MedianGrouping.Total ? "" : $"GROUP BY {group}")}
              """
            : $"""
              SELECT g, AVG(d) / {TimeSpan.TicksPerSecond}.0 FROM (
                  SELECT {group} AS g, closed_at - requested_at AS d,
                         ROW_NUMBER() OVER (PARTITION BY {group} ORDER BY closed_at - requested_at) AS rn,
                         COUNT(*) OVER (PARTITION BY {group}) AS n
                  FROM sr_requests WHERE {closedInPeriod})
              WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY g
              """;

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            // SQLite stores instants as UTC ticks (see UtcTicksConverter); PostgreSQL as timestamptz.
            AddParameter(command, "start", postgres ? start.ToUniversalTime() : start.UtcTicks);
            AddParameter(command, "end", postgres ? end.ToUniversalTime() : end.UtcTicks);
            if (departmentIds is not null)
            {
                AddParameter(command, "departments", postgres ? departmentIds.ToArray() : JsonSerializer.Serialize(departmentIds));
            }
            var medians = new Dictionary<int, TimeSpan>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // An aggregate over no rows (the total of an empty period) is one row of NULL.
                if (reader.IsDBNull(1))
                {
                    continue;
                }
                medians[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] =
                    TimeSpan.FromSeconds(Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture));
            }
            return medians;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private sealed record Cell(int DepartmentId, int ServiceId, int Bucket, int Count, int WithTarget, int OnTime);
}
