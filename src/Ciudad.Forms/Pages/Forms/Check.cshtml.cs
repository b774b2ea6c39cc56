using System.Security.Claims;
using Ciudad.Forms.Catalog;
using Ciudad.Forms.Filling;
using Ciudad.Forms.Rendering;
using Ciudad.Forms.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.Forms.Pages.Forms;

/// <summary>"Check your answers": every shown page's answers with change links, the fee, and Submit.</summary>
internal sealed class CheckModel(FormLibrary library, FormDrafts drafts, SubmissionIntake intake, IStringLocalizer<FormsModule> strings)
    : FillingPageModel(library, drafts, strings)
{
    public IReadOnlyList<(FormPage Page, IReadOnlyList<AnswerRow> Rows)> Sections { get; private set; } = [];

    public long? FeeCents { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await PrepareAsync() is { } elsewhere)
        {
            return elsewhere;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PrepareAsync() is { } elsewhere)
        {
            return elsewhere;
        }
        var outcome = await intake.SubmitAsync(Draft!, Form, Culture, User.FindFirstValue(ClaimTypes.Email), HttpContext.RequestAborted);
        if (outcome.Succeeded || outcome.Status == Platform.Outcomes.OutcomeStatus.NotFound)
        {
            return Redirect($"/forms/{Slug}/submitted");
        }
        // The pages were checked one by one; only a changed earlier answer can make one fail now. Send the person there.
        var failing = ShownPages.FirstOrDefault(p => p.Fields.SelectMany(FormField.WithNested).Any(f => outcome.Errors.Any(e => e.Field == f.Key || e.Field.StartsWith(f.Key + ".", StringComparison.Ordinal) || e.Field.StartsWith(f.Key + "[", StringComparison.Ordinal))));
        return Redirect(StepUrl(failing ?? ShownPages[0]));
    }

    private async Task<IActionResult?> PrepareAsync()
    {
        if (await LoadAsync(draftRequired: true) is { } elsewhere)
        {
            return elsewhere;
        }
        if (ShownPages.FirstOrDefault(p => !Draft!.IsDone(p.Key)) is { } missing)
        {
            return Redirect(StepUrl(missing));
        }
        var answers = FormConditions.KeepShown(Definition, Answers);
        Sections = AnswerSummary.Build(Definition, answers, CultureInfo, key => Strings[key].Value);
        FeeCents = Definition.Fee is null ? null : FeeCalculator.Total(Definition, answers);
        return null;
    }
}
