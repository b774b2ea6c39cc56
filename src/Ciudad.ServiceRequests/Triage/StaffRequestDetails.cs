using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Triage;

internal sealed record StaffPhoto(Guid Id, int Order, bool IsPublic, int Width, int Height);

/// <summary>An answer as staff read it: the question and list values in the reader's language.</summary>
internal sealed record StaffAnswer(ServiceAttribute? Attribute, string Code, IReadOnlyList<string> Values)
{
    public string Question(string culture) => Attribute?.Description[culture] ?? Code;

    public IEnumerable<string> DisplayValues(string culture) =>
        Attribute is { IsList: true } list
            ? Values.Select(v => list.Values.FirstOrDefault(x => x.Key == v)?.Name[culture] ?? v)
            : Values;
}

/// <summary>Everything the staff request page shows (the reporter's contact included: staff only).</summary>
internal sealed record StaffRequestView(
    ServiceRequest Request,
    Department Department,
    string? AssigneeName,
    IReadOnlyList<StaffPhoto> Photos,
    IReadOnlyList<StaffAnswer> Answers,
    IReadOnlyList<RequestEvent> Timeline,
    int FollowerCount,
    string? ParentNumber,
    IReadOnlyList<string> DuplicateNumbers)
{
    /// <summary>The languages followers get their emails in ("en", "es"), for the mixed-language warning.</summary>
    public IReadOnlyList<string> FollowerLanguages { get; init; } = [];
}

internal sealed class StaffRequestDetails(CiudadDbContext db)
{
    /// <summary>Null when there is no such request or the actor may not work in its department.</summary>
    public async Task<StaffRequestView?> LoadAsync(string? number, StaffActor actor, CancellationToken cancellationToken = default)
    {
        var normalized = RequestNumbers.Normalize(number);
        var request = normalized is null ? null : await db.Requests().AsNoTracking()
            .Include(r => r.Service)
            .Include(r => r.Answers)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Number == normalized, cancellationToken);
        if (request is null || !actor.CanWorkIn(request.DepartmentId))
        {
            return null;
        }
        var department = await db.Departments.AsNoTracking().SingleAsync(d => d.Id == request.DepartmentId, cancellationToken);
        var assignee = request.AssignedToUserId is null ? null : await db.Users.AsNoTracking()
            .Where(u => u.Id == request.AssignedToUserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync(cancellationToken);
        // Photo bytes stay in the database until the browser asks for one.
        var photos = await db.RequestPhotos().AsNoTracking().Where(p => p.RequestId == request.Id).OrderBy(p => p.Order)
            .Select(p => new StaffPhoto(p.Id, p.Order, p.IsPublic, p.Width, p.Height)).ToListAsync(cancellationToken);
        var timeline = await db.RequestEvents().AsNoTracking().Where(e => e.RequestId == request.Id)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);
        // Those still to confirm their address get no email, so they are not counted among who will read a note.
        var followerLanguages = await db.RequestFollowers().Where(f => f.RequestId == request.Id && f.ConfirmedAt != null)
            .GroupBy(f => f.Culture).Select(g => new { Culture = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var followers = followerLanguages.Sum(l => l.Count);
        var parent = request.ParentRequestId is null ? null : await db.Requests().Where(r => r.Id == request.ParentRequestId)
            .Select(r => r.Number).FirstOrDefaultAsync(cancellationToken);
        var duplicates = await db.Requests().Where(r => r.ParentRequestId == request.Id).OrderBy(r => r.RequestedAt)
            .Select(r => r.Number).ToListAsync(cancellationToken);
        return new StaffRequestView(request, department, assignee, photos, await AnswersAsync(request, cancellationToken),
            timeline, followers, parent, duplicates)
        {
            FollowerLanguages = [.. followerLanguages.Select(l => l.Culture).Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>A photo's JPEG (or thumbnail) for staff, hidden or not; null when not the actor's to see.</summary>
    public async Task<byte[]?> PhotoAsync(string? number, Guid photoId, bool thumbnail, StaffActor actor, CancellationToken cancellationToken = default)
    {
        var normalized = RequestNumbers.Normalize(number);
        var found = normalized is null ? null : await db.RequestPhotos().AsNoTracking()
            .Where(p => p.Id == photoId)
            .Join(db.Requests().Where(r => r.Number == normalized), p => p.RequestId, r => r.Id,
                (p, r) => new { r.DepartmentId, Bytes = thumbnail ? p.Thumbnail : p.Content })
            .FirstOrDefaultAsync(cancellationToken);
        return found is not null && actor.CanWorkIn(found.DepartmentId) ? found.Bytes : null;
    }

    private async Task<IReadOnlyList<StaffAnswer>> AnswersAsync(ServiceRequest request, CancellationToken cancellationToken)
    {
        var attributes = await db.ServiceAttributes().AsNoTracking().Include(a => a.Values)
            .Where(a => a.ServiceId == request.ServiceId).ToListAsync(cancellationToken);
        return [.. request.Answers
            .GroupBy(a => a.AttributeCode)
            .Select(g => (Attribute: attributes.FirstOrDefault(a => a.Code == g.Key), Group: g))
            .OrderBy(x => x.Attribute?.Order ?? int.MaxValue)
            .Select(x => new StaffAnswer(x.Attribute, x.Group.Key, [.. x.Group.OrderBy(a => a.Id).Select(a => a.Value)]))];
    }
}
