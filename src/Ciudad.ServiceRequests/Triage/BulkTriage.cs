using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests.Requests;

namespace Ciudad.ServiceRequests.Triage;

/// <summary>How a bulk action went: requests changed, and numbers left alone with the reason.</summary>
internal sealed record BulkResult(int Changed, IReadOnlyList<string> Skipped, Outcome? Refused = null);

/// <summary>
/// The queue's bulk assign and bulk status change. Each request goes through the same checks and
/// leaves the same timeline and audit entries as the single action; all are saved together.
/// </summary>
internal sealed class BulkTriage(CiudadDbContext db, TriageActions actions, AuditLog audit)
{
    /// <summary>More than a page or two at once is more likely a mistake than a plan.</summary>
    public const int MaxRequests = 100;

    public async Task<BulkResult> AssignAsync(IReadOnlyCollection<string> numbers, StaffActor actor, string? assigneeUserId, CancellationToken cancellationToken = default)
    {
        var changed = 0;
        var skipped = new List<string>();
        foreach (var number in numbers.Distinct().Take(MaxRequests))
        {
            var request = await actions.FindAsync(number, actor, cancellationToken);
            if (request is null)
            {
                continue; // not in the actor's departments: not theirs to change, nor to mention
            }
            if (await actions.AssignLoadedAsync(request, actor, assigneeUserId, cancellationToken) is null)
            {
                changed++;
            }
            else
            {
                skipped.Add(request.Number);
            }
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
        foreach (var number in numbers.Distinct().Take(MaxRequests))
        {
            var request = await actions.FindAsync(number, actor, cancellationToken);
            if (request is null)
            {
                continue;
            }
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
}
