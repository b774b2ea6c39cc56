using System.Globalization;
using System.Security.Claims;
using Ciudad.Forms.Rendering;
using Ciudad.Forms.Submissions;
using Ciudad.Platform.Localization;
using Ciudad.Platform.Outcomes;
using Ciudad.Web.UI;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ciudad.Forms.Pages.Staff.Forms;

/// <summary>
/// One submission for its reviewer: the answers as the submitter gave them (in their language),
/// files, the timeline, and the actions — move it on (asking the submitter a question, approving,
/// rejecting), comment for colleagues, assign.
/// </summary>
internal sealed class SubmissionModel(SubmissionReview review, IStringLocalizer<FormsModule> strings) : PageModel
{
    [FromRoute] public string Reference { get; set; } = "";

    [BindProperty] public SubmissionStatus? NewStatus { get; set; }

    [BindProperty] public string? Note { get; set; }

    [BindProperty] public string? Comment { get; set; }

    [BindProperty] public string? AssignTo { get; set; }

    public SubmissionForReview Found { get; private set; } = default!;

    public IReadOnlyList<(FormPage Page, IReadOnlyList<AnswerRow> Rows)> Sections { get; private set; } = [];

    public IReadOnlyList<(string UserId, string Email)> Assignees { get; private set; } = [];

    public string? Done { get; private set; }

    public string? Me => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<IActionResult> OnGetAsync(string? done) => await ShowAsync(done);

    public async Task<IActionResult> OnPostStatusAsync() =>
        await AfterAsync(NewStatus is { } status
            ? await review.ChangeStatusAsync(User, Reference, status, Note, HttpContext.RequestAborted)
            : Outcome.Invalid(nameof(NewStatus), "Forms.Review.Error.ChooseStatus"), "status");

    public async Task<IActionResult> OnPostCommentAsync() =>
        await AfterAsync(await review.CommentAsync(User, Reference, Comment, HttpContext.RequestAborted), "comment");

    public async Task<IActionResult> OnPostAssignAsync() =>
        await AfterAsync(await review.AssignAsync(User, Reference, string.IsNullOrEmpty(AssignTo) ? null : AssignTo, HttpContext.RequestAborted), "assign");

    private async Task<IActionResult> AfterAsync(Outcome outcome, string action)
    {
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            return Redirect($"/Staff/Forms/Submissions/{Reference}?done={action}");
        }
        ModelState.AddOutcomeErrors(outcome, strings);
        var page = await ShowAsync(null);
        return page is PageResult result ? new PageResult { StatusCode = StatusCodes.Status400BadRequest } : page;
    }

    private async Task<IActionResult> ShowAsync(string? done)
    {
        if (await review.FindAsync(User, Reference, HttpContext.RequestAborted) is not { } found)
        {
            return NotFound();
        }
        Found = found;
        Done = done is "status" or "comment" or "assign" ? done : null;
        var culture = CultureInfo.GetCultureInfo(StringCatalog.CurrentCulture);
        Sections = AnswerSummary.Build(found.Definition, FormAnswers.FromJson(found.Submission.AnswersJson), culture, key => strings[key].Value);
        Assignees = await review.AssigneesAsync(found.Submission.DepartmentId, HttpContext.RequestAborted);
        return Page();
    }
}
