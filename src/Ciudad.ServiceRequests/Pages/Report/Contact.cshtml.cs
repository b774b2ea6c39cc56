using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Identity;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Intake;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Ciudad.ServiceRequests.Pages.Report;

/// <summary>Step 4: optional contact details (anonymous reports are welcome) and whether to email updates.</summary>
internal sealed class ContactModel(ReportDrafts drafts, ServiceFinder finder, UserManager<CiudadUser> users) : ReportPageModel(drafts)
{
    [BindProperty] public ContactInput Input { get; set; } = new();

    public Service Service { get; private set; } = default!;
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await PrepareAsync() is { } elsewhere)
        {
            return elsewhere;
        }
        var draft = Draft!;
        Input = new ContactInput { Name = draft.Name, Email = draft.Email, Phone = draft.Phone, NotifyByEmail = draft.NotifyByEmail };
        if (!draft.ContactSaved && SignedIn && await users.GetUserAsync(User) is { } user)
        {
            // The account's details are a starting point; the person may still clear them.
            Input.Name = user.DisplayName;
            Input.Email = user.Email;
            Input.Phone = user.PhoneNumber;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PrepareAsync() is { } elsewhere)
        {
            return elsewhere;
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var draft = Draft!;
        draft.Name = Clean(Input.Name);
        draft.Email = Clean(Input.Email);
        draft.Phone = Clean(Input.Phone);
        draft.NotifyByEmail = Input.NotifyByEmail;
        draft.ContactSaved = true;
        await Drafts.SaveAsync(draft, HttpContext.RequestAborted);
        return Redirect("/report/check");
    }

    private async Task<IActionResult?> PrepareAsync()
    {
        if (await RequireStepAsync(d => d.DetailsSaved) is { } elsewhere)
        {
            return elsewhere;
        }
        if (await finder.FindActiveAsync(Draft!.ServiceCode, HttpContext.RequestAborted) is not { } service)
        {
            return Redirect("/report");
        }
        Service = service;
        return null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class ContactInput
{
    [StringLength(200, ErrorMessage = "Report.Contact.Name.TooLong")]
    public string? Name { get; set; }

    [EmailAddress(ErrorMessage = "Requests.Intake.EmailInvalid")]
    [StringLength(256, ErrorMessage = "Requests.Intake.EmailInvalid")]
    public string? Email { get; set; }

    [StringLength(40, ErrorMessage = "Requests.Intake.PhoneInvalid")]
    public string? Phone { get; set; }

    public bool NotifyByEmail { get; set; } = true;
}
