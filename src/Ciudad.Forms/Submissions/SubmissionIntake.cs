using System.Globalization;
using Ciudad.Forms.Catalog;
using Ciudad.Forms.Events;
using Ciudad.Forms.Filling;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Email;
using Ciudad.Platform.Events;
using Ciudad.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Forms.Submissions;

/// <summary>A submission just made, and the key of the submitter's links (receipt, answering questions).</summary>
internal sealed record SubmittedForm(Submission Submission, string AccessKey);

/// <summary>
/// Turns a finished draft into a submission: every shown page checked again, the answers of hidden
/// questions dropped, the receipt emailed in the submitter's language, the event published, all in
/// one transaction. A second submit of the same draft (double click, two tabs) files nothing.
/// </summary>
internal sealed class SubmissionIntake(CiudadDbContext db, Emails emails, IntegrationEvents events, AuditLog audit, SubmitterLinks links, TimeProvider clock)
{
    public async Task<Outcome<SubmittedForm>> SubmitAsync(FormDraft draft, PublishedForm form, string culture, string? accountEmail, CancellationToken cancellationToken = default)
    {
        var definition = form.Definition;
        var answers = FormConditions.KeepShown(definition, FormAnswers.FromJson(draft.AnswersJson));
        var errors = AnswerValidator.ValidateForm(definition, answers, CultureInfo.GetCultureInfo(culture));
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors).As<SubmittedForm>();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The first statement claims the draft: a concurrent submit waits here, then finds it submitted.
        var now = clock.GetUtcNow();
        var claimed = await db.FormDrafts().Where(d => d.Id == draft.Id && d.SubmittedReference == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.UpdatedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return Outcome.NotFound.As<SubmittedForm>();
        }

        var fee = definition.Fee is null ? (long?)null : FeeCalculator.Total(definition, answers);
        var submission = new Submission
        {
            Reference = SubmissionReferences.New(),
            FormId = form.Form.Id,
            FormVersionId = form.Version.Id,
            DepartmentId = form.Form.DepartmentId,
            AnswersJson = answers.ToJson(),
            Culture = culture,
            Email = SubmitterEmail(definition, answers) ?? accountEmail,
            UserId = draft.UserId,
            SubmitterName = SubmitterName(definition, answers),
            FeeCents = fee,
            Status = SubmissionStatus.Received,
            SubmittedAt = now,
            UpdatedAt = now,
        };
        submission.Events.Add(new SubmissionEvent { At = now, Kind = SubmissionEventKind.Submitted, Status = SubmissionStatus.Received, VisibleToSubmitter = true });
        db.Submissions().Add(submission);
        draft.SubmittedReference = submission.Reference;
        draft.UpdatedAt = now;
        audit.Record("forms.submitted", nameof(Submission), submission.Reference, after: new { form = form.Form.Slug, version = form.Version.Number });
        events.Publish(new FormSubmitted(submission.Reference, form.Form.Slug, form.Version.Number, form.Form.DepartmentId, fee, now));
        if (submission.Email is { } email)
        {
            emails.Queue(email, culture, "FormReceived", definition.Title.For(culture), submission.Reference,
                emails.Link(links.Status(submission.Reference)), emails.Link(links.Copy(submission.Reference)));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Of(new SubmittedForm(submission, links.Key(submission.Reference)));
    }

    /// <summary>The answer to the form's email question that the account prefills, else its first email question.</summary>
    internal static string? SubmitterEmail(FormDefinition definition, FormAnswers answers) =>
        definition.AllFields.Where(f => f.Type == FieldType.Email)
            .OrderBy(f => f.Prefill == "email" ? 0 : 1)
            .Select(f => answers[f.Key]).FirstOrDefault(a => a.Length > 0);

    internal static string? SubmitterName(FormDefinition definition, FormAnswers answers) =>
        definition.AllFields.Where(f => f.Type == FieldType.Name)
            .Select(f => $"{answers[f.Key + "." + FormAnswers.Parts.Given]} {answers[f.Key + "." + FormAnswers.Parts.Family]}".Trim())
            .FirstOrDefault(n => n.Length > 0);
}
