using System.Security.Claims;
using Ciudad.Platform.Data;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Forms.Submissions;

/// <summary>What the inbox shows: which statuses, which form, whose, matching what, in which order.</summary>
internal sealed record InboxFilter(string? Status = null, string? Form = null, string? Assigned = null, string? Q = null, string? Sort = null, int Page = 1)
{
    public const int PageSize = 50;

    /// <summary>"open" (the default: received, in review, waiting for the submitter), "all", or one status.</summary>
    public IReadOnlyList<SubmissionStatus> Statuses => Status switch
    {
        null or "" or "open" => [SubmissionStatus.Received, SubmissionStatus.InReview, SubmissionStatus.NeedsInformation],
        "all" => Enum.GetValues<SubmissionStatus>(),
        var one when Enum.TryParse<SubmissionStatus>(one, ignoreCase: true, out var status) && Enum.IsDefined(status) => [status],
        _ => [],
    };
}

internal sealed record InboxRow(string Reference, string FormTitle, string? SubmitterName, SubmissionStatus Status, DateTimeOffset SubmittedAt, string? AssignedTo);

internal sealed record InboxPage(IReadOnlyList<InboxRow> Rows, int Total, IReadOnlyList<(string Slug, string Title)> Forms);

/// <summary>The department inbox: submissions of the departments the staff member works in, filtered and paged in SQL.</summary>
internal sealed class SubmissionInbox(CiudadDbContext db)
{
    public async Task<InboxPage> ReadAsync(ClaimsPrincipal staff, InboxFilter filter, CancellationToken cancellationToken = default)
    {
        var culture = StringCatalog.CurrentCulture;
        var departments = staff.DepartmentIds().ToList();
        var everywhere = staff.IsAdministrator();
        var forms = db.Forms().AsNoTracking().Where(f => everywhere || departments.Contains(f.DepartmentId));
        var formList = (await forms.Select(f => new { f.Slug, f.Title }).ToListAsync(cancellationToken))
            .Select(f => (f.Slug, Title: f.Title.For(culture))).OrderBy(f => f.Title, StringComparer.CurrentCulture).ToList();

        var statuses = filter.Statuses.ToList();
        var query = db.Submissions().AsNoTracking()
            .Where(s => (everywhere || departments.Contains(s.DepartmentId)) && statuses.Contains(s.Status));
        if (!string.IsNullOrEmpty(filter.Form))
        {
            query = query.Where(s => db.Forms().Any(f => f.Id == s.FormId && f.Slug == filter.Form));
        }
        var me = staff.FindFirstValue(ClaimTypes.NameIdentifier);
        query = filter.Assigned switch
        {
            "me" => query.Where(s => s.AssignedToUserId == me),
            "none" => query.Where(s => s.AssignedToUserId == null),
            _ => query,
        };
        if (filter.Q?.Trim() is { Length: > 0 } q)
        {
            var reference = SubmissionReferences.Normalize(q);
            var lowered = q.Length > 200 ? q[..200].ToLowerInvariant() : q.ToLowerInvariant();
            // lower() on both sides in SQL: case-insensitive on SQLite and PostgreSQL alike; C#'s culture rules do not apply there.
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(s => s.Reference == reference
                || (s.SubmitterName != null && s.SubmitterName.ToLower().Contains(lowered))
                || (s.Email != null && s.Email.ToLower().Contains(lowered)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var total = await query.CountAsync(cancellationToken);
        var joined = query.Join(db.Forms().AsNoTracking(), s => s.FormId, f => f.Id, (s, f) => new { s.Id, s.Reference, f.Title, s.SubmitterName, s.Status, s.SubmittedAt, s.AssignedToEmail });
        joined = filter.Sort == "oldest" ? joined.OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id) : joined.OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.Id);
        var page = Math.Max(1, filter.Page);
        var rows = await joined.Skip((page - 1) * InboxFilter.PageSize).Take(InboxFilter.PageSize).ToListAsync(cancellationToken);
        return new InboxPage([.. rows.Select(r => new InboxRow(r.Reference, r.Title.For(culture), r.SubmitterName, r.Status, r.SubmittedAt, r.AssignedToEmail))], total, formList);
    }
}
