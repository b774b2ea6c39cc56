using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>What <c>extensions=true</c> adds to a page of requests, loaded with one query per kind for the page's ids only.</summary>
internal sealed record RequestExtensions(
    ILookup<long, (string Code, string Value)> Answers,
    ILookup<long, (DateTimeOffset At, RequestEventKind Kind, RequestStatus Status, string? Note)> Notes,
    ILookup<long, Guid> Photos,
    IReadOnlyDictionary<long, string> ParentNumbers)
{
    public static async Task<RequestExtensions> LoadAsync(CiudadDbContext db, IReadOnlyList<RequestListRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var parentIds = rows.Where(r => r.ParentRequestId is not null).Select(r => r.ParentRequestId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return new(Empty<(string, string)>(), Empty<(DateTimeOffset, RequestEventKind, RequestStatus, string?)>(), Empty<Guid>(), new Dictionary<long, string>());
        }
        var answers = await db.RequestAnswers().AsNoTracking().Where(a => ids.Contains(a.RequestId)).OrderBy(a => a.Id)
            .Select(a => new { a.RequestId, a.AttributeCode, a.Value }).ToListAsync(cancellationToken);
        var notes = await db.RequestEvents().AsNoTracking().Where(e => ids.Contains(e.RequestId) && e.IsPublic)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new { e.RequestId, e.OccurredAt, e.Kind, e.Status, e.Note }).ToListAsync(cancellationToken);
        var photos = await db.RequestPhotos().AsNoTracking().Where(p => ids.Contains(p.RequestId) && p.IsPublic).OrderBy(p => p.Order)
            .Select(p => new { p.RequestId, p.Id }).ToListAsync(cancellationToken);
        var parents = parentIds.Count == 0
            ? new Dictionary<long, string>()
            : await db.Requests().AsNoTracking().Where(r => parentIds.Contains(r.Id))
                .Select(r => new { r.Id, r.Number }).ToDictionaryAsync(r => r.Id, r => r.Number, cancellationToken);
        return new(
            answers.ToLookup(a => a.RequestId, a => (a.AttributeCode, a.Value)),
            notes.ToLookup(n => n.RequestId, n => (n.OccurredAt, n.Kind, n.Status, n.Note)),
            photos.ToLookup(p => p.RequestId, p => p.Id),
            parents);
    }

    private static ILookup<long, T> Empty<T>() => Array.Empty<(long, T)>().ToLookup(x => x.Item1, x => x.Item2);
}
