using Ciudad.Forms.Catalog;
using Ciudad.Forms.Events;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Email;
using Ciudad.Platform.Events;
using Ciudad.Platform.Outcomes;
using Ciudad.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Forms.Submissions;

/// <summary>
/// The submitter's side of review, through the key in their links: see where the submission is
/// (the timeline entries meant for them) and answer a question staff asked, which returns the
/// submission to review and tells the department.
/// </summary>
internal sealed class SubmitterReplies(CiudadDbContext db, PublishedDefinitions definitions, SubmitterLinks links, AuditLog audit,
    Emails emails, IntegrationEvents events, TimeProvider clock)
{
    public async Task<SubmissionForReview?> FindAsync(string reference, string? key, CancellationToken cancellationToken = default)
    {
        if (!links.Opens(reference, key))
        {
            return null;
        }
        var submission = await db.Submissions().Include(s => s.Events).FirstOrDefaultAsync(s => s.Reference == reference, cancellationToken);
        if (submission is null)
        {
            return null;
        }
        var form = await db.Forms().AsNoTracking().FirstAsync(f => f.Id == submission.FormId, cancellationToken);
        var version = await db.FormVersions().AsNoTracking().FirstAsync(v => v.Id == submission.FormVersionId, cancellationToken);
        return new SubmissionForReview(submission, form, version, definitions.For(version));
    }

    public async Task<Outcome> ReplyAsync(string reference, string? key, string? text, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(reference, key, cancellationToken) is not { } found)
        {
            return Outcome.NotFound;
        }
        var submission = found.Submission;
        if (submission.Status != SubmissionStatus.NeedsInformation)
        {
            return Outcome.Invalid("Reply", "Forms.Submitter.Error.NothingAsked");
        }
        text = UntrustedText.Clean(text)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Outcome.Invalid("Reply", "Forms.Submitter.Error.ReplyRequired");
        }
        if (text.Length > SubmissionReview.MaxNoteLength)
        {
            return Outcome.Invalid("Reply", "Forms.Submitter.Error.ReplyTooLong", SubmissionReview.MaxNoteLength);
        }
        var now = clock.GetUtcNow();
        submission.Status = SubmissionStatus.InReview;
        submission.UpdatedAt = now;
        submission.Events.Add(new SubmissionEvent
        {
            At = now,
            Kind = SubmissionEventKind.InformationProvided,
            Status = SubmissionStatus.InReview,
            Text = text,
            VisibleToSubmitter = true,
        });
        audit.Record("forms.submission-information-provided", nameof(Submission), reference,
            new { status = nameof(SubmissionStatus.NeedsInformation) }, new { status = nameof(SubmissionStatus.InReview) });
        events.Publish(new SubmissionStatusChanged(reference, found.Form.Slug, submission.DepartmentId, SubmissionStatuses.EventName(submission.Status), now));
        var to = submission.AssignedToEmail
            ?? await db.Set<Department>().Where(d => d.Id == submission.DepartmentId).Select(d => d.ContactEmail).FirstAsync(cancellationToken);
        emails.Queue(to, "en", "FormInformationProvided", found.Definition.Title.For("en"), reference, emails.Link($"/Staff/Forms/Submissions/{reference}"));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
