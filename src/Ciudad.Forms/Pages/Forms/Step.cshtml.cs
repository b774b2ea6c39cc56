using System.Globalization;
using Ciudad.Forms.Catalog;
using Ciudad.Forms.Filling;
using Ciudad.Platform.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ciudad.Forms.Pages.Forms;

/// <summary>
/// One page of a form. Continue checks the page's answers and moves on; every post keeps what was
/// typed, valid or not, so an error, "add another", removing a file or "save and come back later"
/// never loses anything.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
[RequestSizeLimit(64 * 1024 * 1024)]
internal sealed class StepModel(FormLibrary library, FormDrafts drafts, FormFiles files, IStringLocalizer<FormsModule> strings)
    : FillingPageModel(library, drafts, strings)
{
    [FromRoute] public string PageKey { get; set; } = "";

    [BindProperty(SupportsGet = true)] public bool Change { get; set; }

    public FormPage Step { get; private set; } = default!;

    public int StepNumber { get; private set; }

    public int StepCount { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await PrepareAsync() is { } elsewhere)
        {
            return elsewhere;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? addItem, string? removeItem, string? remove, string? save)
    {
        if (await PrepareAsync() is { } elsewhere)
        {
            return elsewhere;
        }
        var cancellation = HttpContext.RequestAborted;
        var posted = PostedAnswers.Read(Step, Request.Form);
        Answers.Merge(posted, PostedAnswers.OwnedNames(Step));
        var fileErrors = await files.StoreAsync(Step.Fields, Request.Form.Files, Answers, CultureInfo, cancellation);
        if (remove is not null && Step.Fields.Any(f => f.Type == FieldType.File && f.Key == remove))
        {
            Answers.Remove(remove);
        }
        if (addItem is not null || removeItem is not null || remove is not null || save is not null)
        {
            if (removeItem?.Split('|') is [var group, var index] && Step.Fields.Any(f => f.Type == FieldType.Group && f.Key == group)
                && int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var item))
            {
                PostedAnswers.RemoveItem(Answers, group, item);
            }
            await Drafts.SaveAsync(Draft!, Answers, cancellation);
            if (save is not null)
            {
                return Redirect($"/forms/{Slug}/saved");
            }
            if (fileErrors.Count > 0)
            {
                return ShowErrors(fileErrors);
            }
            var anchor = addItem ?? removeItem?.Split('|')[0] ?? remove ?? "";
            return Redirect($"{StepUrl(Step)}{(Change ? "?change=true" : "")}#{Rendering.FieldRenderer.Id(anchor)}");
        }

        var errors = fileErrors.Concat(AnswerValidator.ValidatePage(Step, Answers, CultureInfo)).ToList();
        if (errors.Count > 0)
        {
            await Drafts.SaveAsync(Draft!, Answers, cancellation);
            return ShowErrors(errors);
        }
        Draft!.MarkDone(Step.Key);
        Answers = FormConditions.KeepShown(Definition, Answers);
        await Drafts.SaveAsync(Draft, Answers, cancellation);
        return Redirect(Change && ShownPages.All(p => Draft.IsDone(p.Key)) ? CheckUrl : NextUrl(Step));
    }

    private PageResult ShowErrors(IReadOnlyList<FieldError> errors)
    {
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            if (!messages.ContainsKey(error.Field))
            {
                var message = Strings[error.Key, error.Arguments].Value;
                messages[error.Field] = message;
                ModelState.AddModelError(error.Field, message);
            }
        }
        Errors = messages;
        return Invalid();
    }

    private async Task<IActionResult?> PrepareAsync()
    {
        if (await LoadAsync(draftRequired: true) is { } elsewhere)
        {
            return elsewhere;
        }
        var shown = ShownPages;
        var index = shown.ToList().FindIndex(p => p.Key == PageKey);
        if (index < 0)
        {
            // Not a page of this form, or one the answers so far skip.
            return Definition.Pages.Any(p => p.Key == PageKey) ? Redirect(NextUrl()) : NotFound();
        }
        Step = shown[index];
        StepNumber = index + 1;
        StepCount = shown.Count;
        return null;
    }

    public string? BackUrl => StepNumber > 1 ? StepUrl(ShownPages[StepNumber - 2]) : StartUrl;
}
