using System.Security.Claims;
using Ciudad.Forms.Catalog;
using Ciudad.Forms.Events;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Email;
using Ciudad.Platform.Events;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Outcomes;
using Ciudad.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Forms.Submissions;

/// <summary>A submission with what its reviewer needs: the form's version and definition.</summary>
internal sealed record SubmissionForReview(Submission Submission, Form Form, FormVersion Version, FormDefinition Definition);

/// <summary>
/// The department inbox's actions: move a submission through review, ask the submitter for
/// information, comment, assign. Staff act only in their departments (one answer, "not found",
/// for "no such submission" and "not yours"); every action is audited in the same save.
/// </summary>
internal sealed class SubmissionReview(CiudadDbContext db, PublishedDefinitions definitions, AuditLog audit, Emails emails,
    IntegrationEvents events, SubmitterLinks links, TimeProvider clock)
{
    public const int MaxNoteLength = 4000;

    /// <summary>Where each status may go next. A decision can be reopened (back to review), never silently changed.</summary>
    public static IReadOnlyList<SubmissionStatus> NextStatuses(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Received => [SubmissionStatus.InReview, SubmissionStatus.NeedsInformation, SubmissionStatus.Approved, SubmissionStatus.Rejected],
        SubmissionStatus.InReview => [SubmissionStatus.NeedsInformation, SubmissionStatus.Approved, SubmissionStatus.Rejected],
        SubmissionStatus.NeedsInformation => [SubmissionStatus.InReview, SubmissionStatus.Approved, SubmissionStatus.Rejected],
        _ => [SubmissionStatus.InReview],
    };

    public async Task<SubmissionForReview?> FindAsync(ClaimsPrincipal staff, string reference, CancellationToken cancellationToken = default)
    {
        var submission = await db.Submissions().Include(s => s.Events).FirstOrDefaultAsync(s => s.Reference == reference, cancellationToken);
        if (submission is null || !staff.CanWorkIn(submission.DepartmentId))
        {
            return null;
        }
        var form = await db.Forms().AsNoTracking().FirstAsync(f => f.Id == submission.FormId, cancellationToken);
        var version = await db.FormVersions().AsNoTracking().FirstAsync(v => v.Id == submission.FormVersionId, cancellationToken);
        return new SubmissionForReview(submission, form, version, definitions.For(version));
    }

    /// <summary>
    /// Moves the submission on. Asking for information needs the question (sent to the submitter);
    /// a decision may carry a note to them. Both are emailed in the submitter's language.
    /// </summary>
    public async Task<Outcome> ChangeStatusAsync(ClaimsPrincipal staff, string reference, SubmissionStatus status, string? note, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(staff, reference, cancellationToken) is not { } found)
        {
            return Outcome.NotFound;
        }
        var submission = found.Submission;
        if (!NextStatuses(submission.Status).Contains(status))
        {
            return Outcome.Invalid("Status", "Forms.Review.Error.Transition");
        }
        note = Clean(note);
        if (status == SubmissionStatus.NeedsInformation && note is null)
        {
            return Outcome.Invalid("Note", "Forms.Review.Error.QuestionRequired");
        }
        if (note is { Length: > MaxNoteLength })
        {
            return Outcome.Invalid("Note", "Forms.Review.Error.NoteTooLong", MaxNoteLength);
        }
        var now = clock.GetUtcNow();
        var before = new { status = submission.Status.ToString() };
        submission.Status = status;
        submission.UpdatedAt = now;
        submission.DecidedAt = submission.IsDecided ? now : null;
        var toSubmitter = status is SubmissionStatus.NeedsInformation or SubmissionStatus.Approved or SubmissionStatus.Rejected;
        submission.Events.Add(new SubmissionEvent
        {
            At = now,
            Kind = status == SubmissionStatus.NeedsInformation ? SubmissionEventKind.InformationRequested : SubmissionEventKind.StatusChanged,
            Status = status,
            Text = note,
            ActorEmail = ActorEmail(staff),
            VisibleToSubmitter = toSubmitter || note is null,
        });
        audit.Record("forms.submission-status-changed", nameof(Submission), reference, before, new { status = status.ToString() });
        events.Publish(new SubmissionStatusChanged(reference, found.Form.Slug, submission.DepartmentId, SubmissionStatuses.EventName(status), now));
        if (toSubmitter && submission.Email is { } email)
        {
            var title = found.Definition.Title.For(submission.Culture);
            var link = emails.Link(links.Status(reference));
            if (status == SubmissionStatus.NeedsInformation)
            {
                emails.Queue(email, submission.Culture, "FormNeedsInformation", title, reference, note, link);
            }
            else
            {
                emails.Queue(email, submission.Culture, status == SubmissionStatus.Approved ? "FormApproved" : "FormRejected", title, reference, note ?? "", link);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>A note between staff, never shown to the submitter.</summary>
    public async Task<Outcome> CommentAsync(ClaimsPrincipal staff, string reference, string? text, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(staff, reference, cancellationToken) is not { } found)
        {
            return Outcome.NotFound;
        }
        text = Clean(text);
        if (text is null)
        {
            return Outcome.Invalid("Comment", "Forms.Review.Error.CommentRequired");
        }
        if (text.Length > MaxNoteLength)
        {
            return Outcome.Invalid("Comment", "Forms.Review.Error.NoteTooLong", MaxNoteLength);
        }
        var now = clock.GetUtcNow();
        found.Submission.UpdatedAt = now;
        found.Submission.Events.Add(new SubmissionEvent { At = now, Kind = SubmissionEventKind.Comment, Text = text, ActorEmail = ActorEmail(staff) });
        audit.Record("forms.submission-commented", nameof(Submission), reference);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>Assigns to a member of the submission's department (or nobody, when <paramref name="userId"/> is null).</summary>
    public async Task<Outcome> AssignAsync(ClaimsPrincipal staff, string reference, string? userId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(staff, reference, cancellationToken) is not { } found)
        {
            return Outcome.NotFound;
        }
        var submission = found.Submission;
        string? email = null;
        if (userId is not null)
        {
            email = await db.Set<DepartmentMember>().Where(m => m.DepartmentId == submission.DepartmentId && m.UserId == userId)
                .Select(m => m.User!.Email).FirstOrDefaultAsync(cancellationToken);
            if (email is null)
            {
                return Outcome.Invalid("AssignTo", "Forms.Review.Error.NotAMember");
            }
        }
        var before = new { assignedTo = submission.AssignedToEmail };
        submission.AssignedToUserId = userId;
        submission.AssignedToEmail = email;
        var now = clock.GetUtcNow();
        submission.UpdatedAt = now;
        submission.Events.Add(new SubmissionEvent { At = now, Kind = SubmissionEventKind.Assigned, Text = email, ActorEmail = ActorEmail(staff) });
        audit.Record("forms.submission-assigned", nameof(Submission), reference, before, new { assignedTo = email });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>The people a submission of this department can be assigned to.</summary>
    public async Task<IReadOnlyList<(string UserId, string Email)>> AssigneesAsync(int departmentId, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<DepartmentMember>().Where(m => m.DepartmentId == departmentId && m.User!.Email != null)
            .Select(m => new { m.UserId, Email = m.User!.Email! }).OrderBy(m => m.Email).ToListAsync(cancellationToken))
            .Select(m => (m.UserId, m.Email))];

    private static string? ActorEmail(ClaimsPrincipal staff) => staff.FindFirstValue(ClaimTypes.Email) ?? staff.Identity?.Name;

    private static string? Clean(string? text) => UntrustedText.Clean(text)?.Trim() is { Length: > 0 } clean ? clean : null;
}

internal static class SubmissionStatuses
{
    /// <summary>The status's name in events and the API (snake case, never renamed).</summary>
    public static string EventName(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Received => "received",
        SubmissionStatus.InReview => "in_review",
        SubmissionStatus.NeedsInformation => "needs_information",
        SubmissionStatus.Approved => "approved",
        _ => "rejected",
    };

    /// <summary>The string-catalog key of the status's name.</summary>
    public static string Key(SubmissionStatus status) => $"Forms.Status.{status}";
}
