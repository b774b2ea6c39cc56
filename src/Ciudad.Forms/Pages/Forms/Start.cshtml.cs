using System.Security.Claims;
using Ciudad.Forms.Catalog;
using Ciudad.Forms.Filling;
using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ciudad.Forms.Pages.Forms;

/// <summary>
/// A form's front page: what it is for, who handles it, what it costs; "Start now", or "Continue"
/// for someone with a draft. A retired form says what replaced it.
/// </summary>
internal sealed class StartModel(FormLibrary library, FormDrafts drafts, CiudadDbContext db, UserManager<CiudadUser> users,
    IStringLocalizer<FormsModule> strings) : FillingPageModel(library, drafts, strings)
{
    public string DepartmentName { get; private set; } = "";

    public int QuestionCount { get; private set; }

    public string? ReplacedByTitle { get; private set; }

    public string? ReplacedBySlug { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync(draftRequired: false) is { } elsewhere)
        {
            return await RetiredOrAsync(elsewhere);
        }
        if (Draft?.SubmittedReference is not null)
        {
            Answers = new();
        }
        await DescribeAsync();
        return Page();
    }

    /// <summary>Start now (or start again): a new draft, filled in from the account where the form asks for it.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync(draftRequired: false) is { } elsewhere)
        {
            return elsewhere;
        }
        var published = await Library.FindPublishedAsync(Slug, HttpContext.RequestAborted);
        var (draft, secret) = await Drafts.StartAsync(published!, UserId, Culture, await PrefillAsync(published!.Definition), HttpContext.RequestAborted);
        GiveCookie(secret);
        var first = FormConditions.ShownPages(published.Definition, FormAnswers.FromJson(draft.AnswersJson)).First();
        return Redirect($"/forms/{Slug}/step/{first.Key}");
    }

    /// <summary>Continue a draft where it was left.</summary>
    public async Task<IActionResult> OnPostContinueAsync()
    {
        if (await LoadAsync(draftRequired: true) is { } elsewhere)
        {
            return elsewhere;
        }
        return Redirect(NextUrl());
    }

    private async Task DescribeAsync()
    {
        DepartmentName = (await db.Set<Department>().AsNoTracking().Where(d => d.Id == Form.Form.DepartmentId).Select(d => d.Name).FirstAsync(HttpContext.RequestAborted)).For(Culture);
        QuestionCount = Definition.AllFields.Count(f => f.Answers && f.Type != FieldType.Group);
    }

    private async Task<IActionResult> RetiredOrAsync(IActionResult elsewhere)
    {
        if (elsewhere is not NotFoundResult || await Library.FindAsync(Slug, HttpContext.RequestAborted) is not { Status: FormStatus.Retired } retired)
        {
            return elsewhere;
        }
        if (retired.ReplacedBySlug is { } replacement && await Library.FindAsync(replacement, HttpContext.RequestAborted) is { } next)
        {
            ReplacedBySlug = next.Slug;
            ReplacedByTitle = next.Title.For(Culture);
        }
        ViewData["RetiredTitle"] = retired.Title.For(Culture);
        return new PageResult { StatusCode = StatusCodes.Status410Gone };
    }

    /// <summary>The account's name, email and phone for the questions that ask for them (the person can change them).</summary>
    private async Task<FormAnswers> PrefillAsync(FormDefinition definition)
    {
        var answers = new FormAnswers();
        if (UserId is null || await users.FindByIdAsync(UserId) is not { } user)
        {
            return answers;
        }
        foreach (var field in definition.Pages.SelectMany(p => p.Fields).Where(f => f.Prefill is not null))
        {
            switch (field.Prefill, field.Type)
            {
                case ("email", FieldType.Email):
                    answers.Set(field.Key, user.Email);
                    break;
                case ("phone", FieldType.Phone or FieldType.Text):
                    answers.Set(field.Key, user.PhoneNumber);
                    break;
                case ("name", FieldType.Name) when !string.IsNullOrWhiteSpace(user.DisplayName):
                    var parts = user.DisplayName.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
                    answers.Set($"{field.Key}.{FormAnswers.Parts.Given}", parts[0]);
                    answers.Set($"{field.Key}.{FormAnswers.Parts.Family}", parts.Length > 1 ? parts[1] : null);
                    break;
                case ("name", FieldType.Text) when !string.IsNullOrWhiteSpace(user.DisplayName):
                    answers.Set(field.Key, user.DisplayName);
                    break;
            }
        }
        return answers;
    }
}
