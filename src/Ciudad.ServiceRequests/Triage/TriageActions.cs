using System.Globalization;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Triage;

/// <summary>
/// What staff do to one request. Every action re-checks that the actor works in the request's
/// department (answering "not found" otherwise, so a number from another department reveals
/// nothing), writes a timeline entry and an audit entry, and saves them in one unit of work.
/// </summary>
internal sealed class TriageActions(
    CiudadDbContext db,
    RequestUpdates updates,
    DepartmentPeople people,
    AuditLog audit,
    TimeProvider clock)
{
    public const int MaxNoteLength = 4000;

    /// <summary>The request loaded for a public update (service and followers), or null when the actor may not see it.</summary>
    public async Task<ServiceRequest?> FindAsync(string? number, StaffActor actor, CancellationToken cancellationToken = default)
    {
        var normalized = RequestNumbers.Normalize(number);
        if (normalized is null)
        {
            return null;
        }
        var id = await db.Requests().Where(r => r.Number == normalized).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        var request = id is null ? null : await updates.LoadAsync(id.Value, cancellationToken);
        return request is not null && actor.CanWorkIn(request.DepartmentId) ? request : null;
    }

    /// <summary>A public status change and/or note: followers are emailed in their language.</summary>
    public async Task<Outcome> PublishAsync(string number, StaffActor actor, RequestStatus status, string? note, CancellationToken cancellationToken = default)
    {
        var request = await FindAsync(number, actor, cancellationToken);
        if (request is null)
        {
            return Outcome.NotFound;
        }
        var problem = CheckUpdate(request, status, note);
        if (problem is not null)
        {
            return problem;
        }
        var before = Snapshot(request);
        Publish(request, actor, status, note);
        audit.Record("servicerequests.updated", nameof(ServiceRequest), request.Number, before, Snapshot(request, note));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>Shared with the bulk status change: null when the update may be published.</summary>
    internal static Outcome? CheckUpdate(ServiceRequest request, RequestStatus status, string? note)
    {
        if (!Enum.IsDefined(status))
        {
            return Outcome.Invalid("Update.Status", "Triage.Update.Status.Required");
        }
        if (status == RequestStatus.Duplicate && request.Status != RequestStatus.Duplicate)
        {
            // A duplicate needs its parent; merging records it and moves the followers.
            return Outcome.Invalid("Update.Status", "Triage.Update.Status.UseMerge");
        }
        if (note is { Length: > MaxNoteLength })
        {
            return Outcome.Invalid("Update.Note", "Triage.Update.Note.TooLong", MaxNoteLength);
        }
        if (status == request.Status && string.IsNullOrWhiteSpace(note))
        {
            return Outcome.Invalid("Update.Note", "Triage.Update.Note.Required");
        }
        return null;
    }

    internal void Publish(ServiceRequest request, StaffActor actor, RequestStatus status, string? note) =>
        PublishRaw(request, actor, status, note, status == request.Status ? RequestEventKind.PublicComment : RequestEventKind.StatusChanged);

    internal RequestEvent PublishRaw(ServiceRequest request, StaffActor actor, RequestStatus status, string? note, RequestEventKind kind) =>
        updates.Publish(request, status, note, kind, actor.UserId, actor.Name);

    /// <summary>A note for colleagues only: never on public pages, in feeds or in emails.</summary>
    public async Task<Outcome> AddInternalNoteAsync(string number, StaffActor actor, string? note, CancellationToken cancellationToken = default)
    {
        var request = await FindAsync(number, actor, cancellationToken);
        if (request is null)
        {
            return Outcome.NotFound;
        }
        if (string.IsNullOrWhiteSpace(note))
        {
            return Outcome.Invalid("Note.Text", "Triage.Note.Required");
        }
        if (note.Length > MaxNoteLength)
        {
            return Outcome.Invalid("Note.Text", "Triage.Note.TooLong", MaxNoteLength);
        }
        AddInternalEvent(request, actor, RequestEventKind.InternalNote, note.Trim(), null);
        audit.Record("servicerequests.internal-note", nameof(ServiceRequest), request.Number, null, new { Note = note.Trim() });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>Assigns to a member of the request's department (or the actor), or unassigns with null.</summary>
    public async Task<Outcome> AssignAsync(string number, StaffActor actor, string? assigneeUserId, CancellationToken cancellationToken = default)
    {
        var request = await FindAsync(number, actor, cancellationToken);
        if (request is null)
        {
            return Outcome.NotFound;
        }
        var problem = await AssignLoadedAsync(request, actor, assigneeUserId, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>Shared with the bulk assignment; the caller saves.</summary>
    internal async Task<Outcome?> AssignLoadedAsync(ServiceRequest request, StaffActor actor, string? assigneeUserId, CancellationToken cancellationToken)
    {
        assigneeUserId = string.IsNullOrWhiteSpace(assigneeUserId) ? null : assigneeUserId;
        if (assigneeUserId is not null && !await people.CanBeAssignedAsync(request.DepartmentId, assigneeUserId, actor, cancellationToken))
        {
            return Outcome.Invalid("Assign.UserId", "Triage.Assign.NotMember");
        }
        if (assigneeUserId == request.AssignedToUserId)
        {
            return null;
        }
        var name = assigneeUserId is null ? null : await people.NameAsync(assigneeUserId, cancellationToken);
        RecordAssignment(request, actor, assigneeUserId, name);
        return null;
    }

    /// <summary>Assigns an already checked assignee: the change, its timeline entry and audit entry. Shared with the bulk assignment.</summary>
    internal void RecordAssignment(ServiceRequest request, StaffActor actor, string? assigneeUserId, string? assigneeName)
    {
        var before = new { request.AssignedToUserId };
        request.AssignedToUserId = assigneeUserId;
        AddInternalEvent(request, actor, RequestEventKind.Assigned, assigneeName, assigneeUserId ?? "");
        audit.Record("servicerequests.assigned", nameof(ServiceRequest), request.Number, before, new { request.AssignedToUserId, AssigneeName = assigneeName });
    }

    public async Task<Outcome> SetPriorityAsync(string number, StaffActor actor, RequestPriority priority, CancellationToken cancellationToken = default)
    {
        var request = await FindAsync(number, actor, cancellationToken);
        if (request is null)
        {
            return Outcome.NotFound;
        }
        if (!Enum.IsDefined(priority))
        {
            return Outcome.Invalid("Priority.Value", "Triage.Priority.Required");
        }
        if (priority != request.Priority)
        {
            var before = new { Priority = request.Priority.ToString() };
            request.Priority = priority;
            AddInternalEvent(request, actor, RequestEventKind.PriorityChanged, null, priority.ToString());
            audit.Record("servicerequests.priority-set", nameof(ServiceRequest), request.Number, before, new { Priority = priority.ToString() });
            await db.SaveChangesAsync(cancellationToken);
        }
        return Outcome.Done;
    }

    /// <summary>
    /// Hands the request to another department. The assignee belonged to the old department, so the
    /// request arrives unassigned; the reason stays in the internal timeline.
    /// </summary>
    public async Task<Outcome> RerouteAsync(string number, StaffActor actor, int? departmentId, string? reason, CancellationToken cancellationToken = default)
    {
        var request = await FindAsync(number, actor, cancellationToken);
        if (request is null)
        {
            return Outcome.NotFound;
        }
        var target = departmentId is null ? null
            : await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == departmentId && d.IsActive, cancellationToken);
        if (target is null)
        {
            return Outcome.Invalid("Reroute.DepartmentId", "Triage.Reroute.Department.Required");
        }
        if (target.Id == request.DepartmentId)
        {
            return Outcome.Invalid("Reroute.DepartmentId", "Triage.Reroute.Department.Same");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome.Invalid("Reroute.Reason", "Triage.Reroute.Reason.Required");
        }
        if (reason.Length > 1000)
        {
            return Outcome.Invalid("Reroute.Reason", "Triage.Reroute.Reason.TooLong", 1000);
        }
        var before = new { request.DepartmentId, request.AssignedToUserId };
        var from = request.DepartmentId;
        request.DepartmentId = target.Id;
        request.AssignedToUserId = null;
        AddInternalEvent(request, actor, RequestEventKind.Rerouted, reason.Trim(),
            string.Create(CultureInfo.InvariantCulture, $"{from}>{target.Id}"));
        audit.Record("servicerequests.rerouted", nameof(ServiceRequest), request.Number, before,
            new { request.DepartmentId, request.AssignedToUserId, Reason = reason.Trim() });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>Hides a photo from public pages (a face, a licence plate) or shows it again.</summary>
    public async Task<Outcome> SetPhotoVisibilityAsync(string number, StaffActor actor, Guid photoId, bool isPublic, CancellationToken cancellationToken = default)
    {
        var request = await FindAsync(number, actor, cancellationToken);
        var photo = request is null ? null
            : await db.RequestPhotos().FirstOrDefaultAsync(p => p.Id == photoId && p.RequestId == request.Id, cancellationToken);
        if (request is null || photo is null)
        {
            return Outcome.NotFound;
        }
        if (photo.IsPublic != isPublic)
        {
            photo.IsPublic = isPublic;
            AddInternalEvent(request, actor, RequestEventKind.PhotoHidden, null, (isPublic ? "shown:" : "hidden:") + photoId.ToString("N"));
            audit.Record(isPublic ? "servicerequests.photo-shown" : "servicerequests.photo-hidden", nameof(ServiceRequest), request.Number,
                new { PhotoId = photoId, IsPublic = !isPublic }, new { PhotoId = photoId, IsPublic = isPublic });
            await db.SaveChangesAsync(cancellationToken);
        }
        return Outcome.Done;
    }

    internal void AddInternalEvent(ServiceRequest request, StaffActor actor, RequestEventKind kind, string? note, string? detail) =>
        request.Events.Add(new RequestEvent
        {
            RequestId = request.Id,
            OccurredAt = clock.GetUtcNow(),
            Kind = kind,
            IsPublic = false,
            Status = request.Status,
            Note = Intake.PlainText.Clean(note),
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            Detail = detail,
        });

    /// <summary>Enums by name: the audit log is read by people, long after the numbers stop meaning anything to them.</summary>
    internal static object Snapshot(ServiceRequest r, string? note = null) =>
        new { Status = r.Status.ToString(), r.IsOpen, Priority = r.Priority.ToString(), r.DepartmentId, r.AssignedToUserId, Note = note };
}
