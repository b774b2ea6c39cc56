using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests.Requests;

namespace Ciudad.ServiceRequests.Triage;

/// <summary>
/// Status, assignee and a public note in one step: the request page's main form. It is saved
/// at once, and each change keeps the timeline and audit entry the separate action writes
/// ("servicerequests.assigned", "servicerequests.updated"), so the audit log and the timeline read
/// the same whichever form was used.
/// </summary>
internal sealed class OneStepUpdate(CiudadDbContext db, TriageActions actions, AuditLog audit)
{
    /// <param name="assigneeUserId">Null leaves the assignment alone; empty unassigns.</param>
    public async Task<Outcome> ApplyAsync(string number, StaffActor actor, RequestStatus status, string? note, string? assigneeUserId,
        CancellationToken cancellationToken = default)
    {
        var request = await actions.FindAsync(number, actor, cancellationToken);
        if (request is null)
        {
            return Outcome.NotFound;
        }
        var assignee = string.IsNullOrWhiteSpace(assigneeUserId) ? null : assigneeUserId;
        var reassign = assigneeUserId is not null && assignee != request.AssignedToUserId;
        var publish = status != request.Status || !string.IsNullOrWhiteSpace(note);
        // Changing only the assignee is a whole step; otherwise the public update's own rules apply.
        if ((publish || !reassign) && TriageActions.CheckUpdate(request, status, note) is { } refused)
        {
            return refused;
        }
        var before = TriageActions.Snapshot(request);
        if (reassign && await actions.AssignLoadedAsync(request, actor, assignee, cancellationToken) is not null)
        {
            return Outcome.Invalid("Update.Assignee", "Triage.Assign.NotMember");
        }
        if (publish)
        {
            actions.Publish(request, actor, status, note);
            audit.Record("servicerequests.updated", nameof(ServiceRequest), request.Number, before, TriageActions.Snapshot(request, note));
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
