using System.Security.Claims;
using Ciudad.Platform.Localization;
using Ciudad.ServiceRequests.Intake;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ciudad.ServiceRequests.Pages.Report;

/// <summary>
/// What every step of "report a problem" shares: the visitor's draft (found through an HttpOnly
/// cookie), the step list, the 400 answer and the rule that a submitted draft only ever shows its
/// confirmation, so the back button cannot file a report twice.
/// </summary>
internal abstract class ReportPageModel(ReportDrafts drafts) : PageModel
{
    public const string CookieName = "ciudad.report";

    /// <summary>Step names (catalog keys) for the step indicator, in order.</summary>
    public static readonly string[] StepKeys =
        ["Report.Steps.Service", "Report.Steps.Location", "Report.Steps.Details", "Report.Steps.Contact", "Report.Steps.Check"];

    protected ReportDrafts Drafts => drafts;

    public ReportDraft? Draft { get; private set; }

    /// <summary>"en" or "es": the language of the page, of stored answers' labels and of the emails.</summary>
    public static string Culture => StringCatalog.CurrentCulture;

    /// <summary>Came from "Check your answers": go back there after saving.</summary>
    [BindProperty(SupportsGet = true)] public bool Change { get; set; }

    protected string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The live, not yet submitted draft, or null.</summary>
    protected async Task<ReportDraft?> LoadDraftAsync()
    {
        Draft = await drafts.FindAsync(Request.Cookies[CookieName], HttpContext.RequestAborted);
        return Draft;
    }

    /// <summary>The visitor's open draft, or a new one (a submitted draft is finished: start again).</summary>
    protected async Task<ReportDraft> OpenOrStartDraftAsync()
    {
        var draft = await LoadDraftAsync();
        if (draft is not null && draft.SubmittedNumber is null)
        {
            return draft;
        }
        var (started, token) = await drafts.StartAsync(HttpContext.RequestAborted);
        Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = ReportDrafts.Lifetime,
            IsEssential = true, // the journey cannot work without it; it holds no personal data
        });
        Draft = started;
        return started;
    }

    /// <summary>
    /// Loads the draft and sends the visitor to the right place when this step cannot be shown
    /// yet (an earlier step is missing) or any more (already submitted). Null means go ahead.
    /// </summary>
    protected async Task<IActionResult?> RequireStepAsync(Func<ReportDraft, bool> ready)
    {
        var draft = await LoadDraftAsync();
        if (draft?.SubmittedNumber is not null)
        {
            return Redirect("/report/confirmation");
        }
        if (draft is null || draft.ServiceCode is null)
        {
            return Redirect("/report");
        }
        if (!ready(draft))
        {
            return Redirect(NextStep(draft));
        }
        return null;
    }

    /// <summary>The first step the draft has not completed.</summary>
    protected static string NextStep(ReportDraft draft) =>
        draft.ServiceCode is null ? "/report"
        : !draft.LocationSaved ? "/report/location"
        : !draft.DetailsSaved ? "/report/details"
        : !draft.ContactSaved ? "/report/contact"
        : "/report/check";

    /// <summary>After saving a step: the next step, or back to the check page when changing an answer.</summary>
    protected IActionResult Continue(ReportDraft draft, string next) =>
        Redirect(Change && draft.ContactSaved && draft.DetailsSaved ? "/report/check" : next);

    protected static PageResult Invalid() => new() { StatusCode = StatusCodes.Status400BadRequest };
}
