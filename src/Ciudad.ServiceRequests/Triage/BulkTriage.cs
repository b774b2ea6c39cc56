using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Triage;

/// <summary>How a bulk action went: requests changed, and numbers left alone with the reason.</summary>
internal sealed record BulkResult(int Changed, IReadOnlyList<string> Skipped, Outcome? Refused = null);

/// <summary>
/// The queue's bulk assign and bulk status change. Each request goes through the same checks and
/// leaves the same timeline, audit and outbox entries as the single action, but the work is done
/// for the whole set at once: one query loads every request (with what a public update needs),
/// one answers who may be assigned, and one save writes everything in batches. A hundred requests
/// cost about the round trips of one.
/// </summary>
internal sealed class BulkTriage(CiudadDbContext db, TriageActions actions, DepartmentPeople people, AuditLog audit)
{
    /// <summary>More than a page or two at once is more likely a mistake than a plan.</summary>
    public const int MaxRequests = 100;

    public async Task<BulkResult> AssignAsync(IReadOnlyCollection<string> numbers, StaffActor actor, string? assigneeUserId, CancellationToken cancellationToken = default)
    {
        assigneeUserId = string.IsNullOrWhiteSpace(assigneeUserId) ? null : assigneeUserId;
        var requests = await LoadAsync(numbers, actor, forPublicUpdate: false, cancellationToken);
        if (requests.Count == 0)
        {
            return new BulkResult(0, []);
        }
        IReadOnlySet<int> memberOf = assigneeUserId is null ? new HashSet<int>()
            : await people.ActiveMemberDepartmentsAsync(assigneeUserId, cancellationToken);
        var name = assigneeUserId is null ? null : await people.NameAsync(assigneeUserId, cancellationToken);
        var changed = 0;
        var skipped = new List<string>();
        foreach (var request in requests)
        {
            var canBeAssigned = assigneeUserId is null || memberOf.Contains(request.DepartmentId)
                || (assigneeUserId == actor.UserId && actor.CanWorkIn(request.DepartmentId));
            if (!canBeAssigned)
            {
                skipped.Add(request.Number);
                continue;
            }
            if (assigneeUserId != request.AssignedToUserId)
            {
                actions.RecordAssignment(request, actor, assigneeUserId, name);
            }
            changed++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return new BulkResult(changed, skipped);
    }

    /// <summary>The same public update on each request: every follower of each is emailed.</summary>
    public async Task<BulkResult> SetStatusAsync(IReadOnlyCollection<string> numbers, StaffActor actor, RequestStatus status, string? note, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(status))
        {
            return new BulkResult(0, [], Outcome.Invalid("BulkStatus", "Triage.Update.Status.Required"));
        }
        if (status == RequestStatus.Duplicate)
        {
            return new BulkResult(0, [], Outcome.Invalid("BulkStatus", "Triage.Update.Status.UseMerge"));
        }
        if (note is { Length: > TriageActions.MaxNoteLength })
        {
            return new BulkResult(0, [], Outcome.Invalid("BulkNote", "Triage.Update.Note.TooLong", TriageActions.MaxNoteLength));
        }
        var changed = 0;
        var skipped = new List<string>();
        foreach (var request in await LoadAsync(numbers, actor, forPublicUpdate: true, cancellationToken))
        {
            if (TriageActions.CheckUpdate(request, status, note) is not null)
            {
                skipped.Add(request.Number); // already in that status and nothing to say
                continue;
            }
            var before = TriageActions.Snapshot(request);
            actions.Publish(request, actor, status, note);
            audit.Record("servicerequests.updated", nameof(ServiceRequest), request.Number, before, TriageActions.Snapshot(request, note));
            changed++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return new BulkResult(changed, skipped);
    }

    /// <summary>
    /// The requests named, in the order given, that the actor may work on; the others are not
    /// theirs to change, nor to mention. A public update needs each request's service and followers.
    /// </summary>
    private async Task<List<ServiceRequest>> LoadAsync(IReadOnlyCollection<string> numbers, StaffActor actor, bool forPublicUpdate, CancellationToken cancellationToken)
    {
        var wanted = numbers.Distinct().Take(MaxRequests).Select(RequestNumbers.Normalize).OfType<string>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        var query = db.Requests().Where(r => wanted.Contains(r.Number));
        if (forPublicUpdate)
        {
            query = query.Include(r => r.Service).Include(r => r.Followers).AsSplitQuery();
        }
        var found = (await query.ToListAsync(cancellationToken)).ToDictionary(r => r.Number);
        return [.. wanted.Select(found.GetValueOrDefault).OfType<ServiceRequest>().Where(r => actor.CanWorkIn(r.DepartmentId))];
    }
}
