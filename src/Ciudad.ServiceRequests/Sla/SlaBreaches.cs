using Ciudad.Platform.Identity;
using System.Globalization;
using Ciudad.Platform.City;
using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Email;
using Ciudad.Platform.Localization;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Sla;

/// <summary>
/// Flags one batch of overdue requests. The claim is a single conditional UPDATE … RETURNING, so
/// two instances never flag (and never email about) the same request: PostgreSQL skips rows
/// another instance has locked (<c>FOR UPDATE SKIP LOCKED</c>) and re-checks
/// <c>sla_breached_at IS NULL</c>; SQLite has one writer, so the statement is atomic there. The
/// claim, the timeline entries and the queued emails commit together or not at all.
/// </summary>
internal sealed class SlaBreaches(CiudadDbContext db, Emails emails, CityTime cityTime)
{
    public async Task<int> FlagBatchAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await ClaimAsync(now, batchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var requests = await db.Requests().AsNoTracking()
            .Where(r => claimed.Contains(r.Id))
            .Select(r => new Breach(r.Id, r.Number, r.DepartmentId, r.Status, r.ExpectedAt!.Value, r.Service!.Name))
            .ToListAsync(cancellationToken);
        var departmentIds = requests.Select(r => r.DepartmentId).Distinct().ToList();
        var departments = await db.Departments.AsNoTracking()
            .Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var managers = (await db.DepartmentMembers.AsNoTracking()
                .Where(m => departmentIds.Contains(m.DepartmentId) && m.Role == DepartmentRole.Manager
                    && m.User!.IsStaff && !m.User.IsDeactivated && m.User.Email != null)
                .Select(m => new { m.DepartmentId, Email = m.User!.Email!, Culture = m.User.PreferredCulture })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.DepartmentId);

        foreach (var request in requests)
        {
            db.RequestEvents().Add(new RequestEvent
            {
                RequestId = request.Id,
                OccurredAt = now,
                Kind = RequestEventKind.SlaBreached,
                IsPublic = false,
                Status = request.Status,
                Detail = "due " + request.ExpectedAt.ToString("O", CultureInfo.InvariantCulture),
            });
            var department = departments[request.DepartmentId];
            foreach (var manager in managers[request.DepartmentId])
            {
                var culture = manager.Culture;
                emails.Queue(manager.Email, culture, "SlaBreached",
                    RequestNumbers.Format(request.Number),
                    request.ServiceName(culture),
                    department.Name[culture],
                    Formats.Instant(request.ExpectedAt, cityTime, culture),
                    emails.Link($"/Staff/Requests/{request.Number}"));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed.Count;
    }

    private async Task<List<long>> ClaimAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        var postgres = db.Database.IsNpgsql();
        var sql = $"""
            UPDATE sr_requests SET sla_breached_at = {"{0}"}
            WHERE sla_breached_at IS NULL AND id IN (
                SELECT id FROM sr_requests
                WHERE is_open AND sla_breached_at IS NULL AND expected_at < {"{0}"}
                ORDER BY expected_at
                LIMIT {"{1}"}
                {(postgres ? "FOR UPDATE SKIP LOCKED" : "")})
            RETURNING id AS "Value"
            """;
        // SQLite stores instants as UTC ticks (see UtcTicksConverter); raw SQL must pass them the same way.
        object instant = postgres ? now.ToUniversalTime() : now.UtcTicks;
        return await db.Database.SqlQueryRaw<long>(sql, instant, batchSize).ToListAsync(cancellationToken);
    }

    private sealed record Breach(long Id, string Number, int DepartmentId, RequestStatus Status, DateTimeOffset ExpectedAt, Platform.Localization.LocalizedText ServiceNames)
    {
        public string ServiceName(string culture) => ServiceNames[culture];
    }
}
