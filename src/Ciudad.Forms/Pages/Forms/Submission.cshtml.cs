using Ciudad.Forms.Submissions;
using Ciudad.Web.UI;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ciudad.Forms.Pages.Forms;

/// <summary>
/// The submitter's page for one submission, opened by the key in their emails: where it is, what
/// the department told them, and, when asked for information, a box to answer.
/// </summary>
internal sealed class SubmissionModel(SubmitterReplies replies, Microsoft.Extensions.Localization.IStringLocalizer<FormsModule> strings) : PageModel
{
    [FromRoute] public string Reference { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? Key { get; set; }

    [BindProperty] public string? Reply { get; set; }

    public SubmissionForReview Found { get; private set; } = default!;

    public bool Replied { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await replies.FindAsync(Reference, Key, HttpContext.RequestAborted) is not { } found)
        {
            return NotFound();
        }
        Found = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await replies.ReplyAsync(Reference, Key, Reply, HttpContext.RequestAborted);
        if (outcome.Status == Platform.Outcomes.OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        Found = (await replies.FindAsync(Reference, Key, HttpContext.RequestAborted))!;
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcomeErrors(outcome, strings);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        Replied = true;
        Reply = null;
        return Page();
    }
}
