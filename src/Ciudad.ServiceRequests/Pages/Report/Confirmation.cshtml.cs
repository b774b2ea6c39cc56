using Ciudad.ServiceRequests.Intake;
using Ciudad.ServiceRequests.Requests;
using Microsoft.AspNetCore.Mvc;

namespace Ciudad.ServiceRequests.Pages.Report;

/// <summary>The end of the journey: the request number, what happens next and where to follow it.</summary>
internal sealed class ConfirmationModel(ReportDrafts drafts) : ReportPageModel(drafts)
{
    public ServiceRequest Submitted { get; private set; } = default!;
    public bool Emailed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var draft = await LoadDraftAsync();
        if (draft is null || await Drafts.SubmittedRequestAsync(draft, HttpContext.RequestAborted) is not { } request)
        {
            return Redirect(draft is null ? "/report" : NextStep(draft));
        }
        Submitted = request;
        Emailed = draft.SubmittedWithEmail;
        return Page();
    }
}
