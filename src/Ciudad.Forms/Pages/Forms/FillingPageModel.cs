using System.Globalization;
using System.Security.Claims;
using Ciudad.Forms.Catalog;
using Ciudad.Forms.Filling;
using Ciudad.Forms.Rendering;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ciudad.Forms.Pages.Forms;

/// <summary>
/// What every page of filling in a form shares: the published form (or the version the visitor's
/// draft was started on), the draft behind a cookie scoped to the form's path, and the rule that a
/// submitted draft only ever shows its confirmation.
/// </summary>
internal abstract class FillingPageModel(FormLibrary library, FormDrafts drafts, IStringLocalizer<FormsModule> strings) : PageModel
{
    [FromRoute] public string Slug { get; set; } = "";

    public PublishedForm Form { get; private set; } = default!;

    public FormDraft? Draft { get; private set; }

    public FormAnswers Answers { get; protected set; } = new();

    protected FormLibrary Library => library;

    protected FormDrafts Drafts => drafts;

    protected IStringLocalizer<FormsModule> Strings => strings;

    /// <summary>"en" or "es": the page's language, and the draft's.</summary>
    public static string Culture => StringCatalog.CurrentCulture;

    public static CultureInfo CultureInfo => CultureInfo.GetCultureInfo(Culture);

    public FormDefinition Definition => Form.Definition;

    public string Title => Definition.Title.For(Culture);

    protected string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>One name for every form: each form's cookie is scoped to its own path.</summary>
    public const string DraftCookie = "ciudad.form";

    protected static string CookieName => DraftCookie;

    public string StartUrl => $"/forms/{Slug}";

    public string CheckUrl => $"/forms/{Slug}/check";

    public string StepUrl(FormPage page) => $"/forms/{Slug}/step/{page.Key}";

    public IReadOnlyList<FormPage> ShownPages => [.. FormConditions.ShownPages(Definition, Answers)];

    public RenderContext RenderContext(IReadOnlyDictionary<string, string>? errors = null) =>
        new(Answers, errors ?? new Dictionary<string, string>(), CultureInfo, key => strings[key]);

    /// <summary>
    /// Loads the form and the visitor's draft. Returns where to go instead, or null to go ahead:
    /// the form's own page when it is not published or there is no draft (and one is needed), the
    /// confirmation when the draft was submitted, sign-in for an internal form.
    /// </summary>
    protected async Task<IActionResult?> LoadAsync(bool draftRequired)
    {
        var published = await library.FindPublishedAsync(Slug, HttpContext.RequestAborted);
        if (published is null)
        {
            return draftRequired ? Redirect(StartUrl) : NotFound();
        }
        if (published.Form.Audience == FormAudience.Internal && !User.IsStaff())
        {
            return User.Identity?.IsAuthenticated == true ? NotFound() : Challenge();
        }
        Form = published;
        Draft = await drafts.FindAsync(published.Form.Id, Request.Cookies[CookieName], UserId, HttpContext.RequestAborted);
        if (Draft is not null && Draft.FormVersionId != published.Version.Id
            && await library.FindVersionAsync(published.Form.Id, Draft.FormVersionId, HttpContext.RequestAborted) is { } started)
        {
            Form = started; // a draft finishes on the version it began with
        }
        Answers = FormAnswers.FromJson(Draft?.AnswersJson);
        if (Draft?.SubmittedReference is not null && draftRequired)
        {
            return Redirect($"/forms/{Slug}/submitted");
        }
        return draftRequired && Draft is null ? Redirect(StartUrl) : null;
    }

    /// <summary>The browser's secret for its draft of this form; only its hash is stored.</summary>
    protected void GiveCookie(string secret) =>
        Response.Cookies.Append(CookieName, secret, new CookieOptions
        {
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = StartUrl,
            MaxAge = FormDrafts.Lifetime,
            IsEssential = true, // the form cannot be filled in without it; it holds no personal data
        });

    /// <summary>The first shown page not yet passed, or "check your answers" when all are.</summary>
    protected string NextUrl(FormPage? after = null)
    {
        var pages = ShownPages;
        var start = after is null ? 0 : pages.ToList().FindIndex(p => p.Key == after.Key) + 1;
        for (var i = start; i < pages.Count; i++)
        {
            if (after is not null || !Draft!.IsDone(pages[i].Key))
            {
                return StepUrl(pages[i]);
            }
        }
        return pages.FirstOrDefault(p => !Draft!.IsDone(p.Key)) is { } missing ? StepUrl(missing) : CheckUrl;
    }

    protected static PageResult Invalid() => new() { StatusCode = StatusCodes.Status400BadRequest };
}
