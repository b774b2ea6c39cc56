using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Ciudad.Forms.Catalog;
using Ciudad.Forms.Filling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.Forms.Pages.Forms;

/// <summary>
/// "Save and come back later": signed-in people find the draft on the form's page; anyone can also
/// have a link emailed that reopens it on any device until it expires.
/// </summary>
internal sealed class SavedModel(FormLibrary library, FormDrafts drafts, IStringLocalizer<FormsModule> strings)
    : FillingPageModel(library, drafts, strings)
{
    [BindProperty, StringLength(254, ErrorMessage = "Forms.Saved.Email.Invalid")]
    public string? Email { get; set; }

    public DateTimeOffset KeptUntil => Draft!.UpdatedAt + FormDrafts.Lifetime;

    public DateTimeOffset? LinkSentUntil { get; private set; }

    public bool SignedIn => UserId is not null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync(draftRequired: true) is { } elsewhere)
        {
            return elsewhere;
        }
        Email = SignedIn ? User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync(draftRequired: true) is { } elsewhere)
        {
            return elsewhere;
        }
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            ModelState.AddModelError(nameof(Email), Strings["Forms.Saved.Email.Required"]);
        }
        else if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Email), Strings["Forms.Saved.Email.Invalid"]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        LinkSentUntil = await Drafts.EmailResumeLinkAsync(Draft!, Form, email!, Culture, HttpContext.RequestAborted);
        return Page();
    }
}
