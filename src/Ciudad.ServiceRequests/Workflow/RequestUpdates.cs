using Ciudad.Platform.Data;
using Ciudad.Platform.Email;
using Ciudad.Platform.Events;
using Ciudad.Platform.Localization;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Events;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Workflow;

/// <summary>
/// Public changes to a request: a status change or a comment residents can see. Each one is a
/// timeline entry, moves <c>updated_datetime</c>, and emails every confirmed follower in their language.
/// Internal notes and staff-only changes do not come through here.
/// </summary>
internal sealed class RequestUpdates(CiudadDbContext db, Emails emails, StringCatalog strings, IntegrationEvents events, TimeProvider clock)
{
    /// <summary>Loads a request with what <see cref="Publish"/> needs.</summary>
    public Task<ServiceRequest?> LoadAsync(long requestId, CancellationToken cancellationToken = default) =>
        db.Requests().Include(r => r.Service).Include(r => r.Followers)
            .FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);

    /// <summary>
    /// Records a public update on a request loaded with its service and followers and queues the
    /// emails; the caller saves (together with its audit entry).
    /// </summary>
    public RequestEvent Publish(ServiceRequest request, RequestStatus status, string? note, RequestEventKind kind,
        string? actorUserId, string? actorName)
    {
        var service = request.Service ?? throw new InvalidOperationException("Load the request with its service.");
        var now = clock.GetUtcNow();
        // Every channel that publishes (staff, the reporter reopening, a merge) comes through here.
        note = Intake.PlainText.Clean(note);
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var wasOpen = request.IsOpen;
        request.Status = status;
        request.IsOpen = status.IsOpen();
        request.UpdatedAt = now;
        if (wasOpen && !request.IsOpen)
        {
            request.ClosedAt = now;
        }
        else if (request.IsOpen)
        {
            request.ClosedAt = null;
        }
        if (note is not null)
        {
            request.StatusNotes = note;
        }
        var update = new RequestEvent
        {
            RequestId = request.Id,
            OccurredAt = now,
            Kind = kind,
            IsPublic = true,
            Status = status,
            Note = note,
            ActorUserId = actorUserId,
            ActorName = actorName,
        };
        request.Events.Add(update);
        // A follower who has not confirmed the address yet may be someone else's inbox: nothing goes there.
        foreach (var follower in request.Followers.Where(f => f.ConfirmedAt is not null))
        {
            QueueEmail(request, service, follower, status, note);
        }
        // The one place every public change passes, so other modules hear of each exactly once.
        events.Publish(RequestEventFacts.Updated(request, service, now));
        if (wasOpen && !request.IsOpen)
        {
            events.Publish(RequestEventFacts.Closed(request, service, now));
        }
        else if (!wasOpen && request.IsOpen)
        {
            events.Publish(RequestEventFacts.Reopened(request, service, now, byReporter: kind == RequestEventKind.Reopened));
        }
        return update;
    }

    private void QueueEmail(ServiceRequest request, Service service, RequestFollower follower, RequestStatus status, string? note)
    {
        var culture = follower.Culture;
        // The reporter hears of a closing with the way back in: "not fixed?" opens the reopen page.
        var toReporter = request.ReporterEmail is not null
            && string.Equals(follower.Email, request.ReporterEmail, StringComparison.OrdinalIgnoreCase);
        var closedForReporter = toReporter && !request.IsOpen && status != RequestStatus.Duplicate;
        emails.Queue(follower.Email, culture, closedForReporter ? "RequestClosedForReporter" : "RequestUpdated",
            RequestNumbers.Format(request.Number),
            service.Name[culture],
            strings.Get(culture, status.LabelKey()),
            note ?? strings.Get(culture, "Requests.Email.NoNote"),
            emails.Link(RequestLinks.Track(request.Number)),
            emails.Link(RequestLinks.Unsubscribe(follower.UnsubscribeToken)),
            emails.Link(RequestLinks.Track(request.Number) + "/reopen"));
    }
}
