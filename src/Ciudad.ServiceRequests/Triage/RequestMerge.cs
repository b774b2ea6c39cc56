using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Events;
using Ciudad.Platform.Localization;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests.Events;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Triage;

/// <summary>
/// Merges a duplicate (the child) into the request that stays open (the parent): the child closes
/// as Duplicate with a public note naming the parent, and its followers follow the parent from now
/// on, so the next update reaches everyone once.
/// </summary>
internal sealed class RequestMerge(CiudadDbContext db, TriageActions actions, StringCatalog strings, AuditLog audit, IntegrationEvents events, TimeProvider clock)
{
    public async Task<Outcome> MergeAsync(string childNumber, string? parentNumber, StaffActor actor, CancellationToken cancellationToken = default)
    {
        var child = await actions.FindAsync(childNumber, actor, cancellationToken);
        if (child is null)
        {
            return Outcome.NotFound;
        }
        if (child.ParentRequestId is not null)
        {
            return Outcome.Invalid("Merge.ParentNumber", "Triage.Merge.AlreadyMerged");
        }
        var normalized = RequestNumbers.Normalize(parentNumber);
        if (normalized is null)
        {
            return Outcome.Invalid("Merge.ParentNumber", "Triage.Merge.Number.Required");
        }
        if (normalized == child.Number)
        {
            return Outcome.Invalid("Merge.ParentNumber", "Triage.Merge.Itself");
        }
        var parent = await db.Requests().Include(r => r.Followers).FirstOrDefaultAsync(r => r.Number == normalized, cancellationToken);
        // Another department's request is "not found" here too: its existence is not the actor's to learn.
        if (parent is null || parent.DepartmentId != child.DepartmentId || !actor.CanWorkIn(parent.DepartmentId))
        {
            return Outcome.Invalid("Merge.ParentNumber", "Triage.Merge.NotFound", RequestNumbers.Format(normalized));
        }
        if (!parent.IsOpen)
        {
            return Outcome.Invalid("Merge.ParentNumber", "Triage.Merge.ParentClosed", RequestNumbers.Format(parent.Number));
        }
        if (parent.ParentRequestId is not null)
        {
            return Outcome.Invalid("Merge.ParentNumber", "Triage.Merge.ParentMerged", RequestNumbers.Format(parent.Number));
        }

        var before = new { Status = child.Status.ToString(), child.ParentRequestId, Followers = child.Followers.Count };
        var parentLabel = RequestNumbers.Format(parent.Number);
        // One note for everyone: written in the reporter's language, as the reporter is the first reader.
        var note = strings.Format(child.ReporterCulture, "Triage.Merge.PublicNote", parentLabel);
        var closing = actions.PublishRaw(child, actor, RequestStatus.Duplicate, note, RequestEventKind.MergedInto);
        closing.Detail = parent.Number;
        child.ParentRequestId = parent.Id;
        var moved = MoveFollowers(child, parent);
        parent.Events.Add(new RequestEvent
        {
            RequestId = parent.Id,
            OccurredAt = clock.GetUtcNow(),
            Kind = RequestEventKind.DuplicateMerged,
            IsPublic = false,
            Status = parent.Status,
            Note = RequestNumbers.Format(child.Number),
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            Detail = child.Number,
        });
        events.Publish(RequestEventFacts.Merged(child, parent, child.Service!, closing.OccurredAt));
        audit.Record("servicerequests.merged", nameof(ServiceRequest), child.Number, before,
            new { Status = child.Status.ToString(), ParentNumber = parent.Number, FollowersMoved = moved });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>
    /// Re-parents the child's followers; someone already following the parent is not added twice
    /// (their child subscription simply ends). Moving the row keeps its unsubscribe link working.
    /// </summary>
    private int MoveFollowers(ServiceRequest child, ServiceRequest parent)
    {
        var moved = 0;
        foreach (var follower in child.Followers.ToList())
        {
            if (parent.Followers.FirstOrDefault(f => string.Equals(f.Email, follower.Email, StringComparison.OrdinalIgnoreCase)) is { } same)
            {
                // A confirmation on either request proves the address for both.
                if (same.ConfirmedAt is null && follower.ConfirmedAt is not null)
                {
                    same.ConfirmedAt = follower.ConfirmedAt;
                    same.ConfirmationTokenHash = null;
                }
                db.RequestFollowers().Remove(follower);
                continue;
            }
            // Changing the key (not the collections) lets EF move the row rather than delete an orphan.
            follower.RequestId = parent.Id;
            moved++;
        }
        return moved;
    }
}
