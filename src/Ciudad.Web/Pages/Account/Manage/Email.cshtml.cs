using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Email;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.Pages.Account.Manage;

/// <summary>
/// Changing the address: the account keeps the old one until the new one is confirmed from its
/// mailbox. Whether the new address belongs to another account is only told to that mailbox.
/// </summary>
public sealed class EmailModel(
    UserManager<CiudadUser> users,
    CiudadDbContext db,
    Emails emails,
    AuditLog audit,
    IStringLocalizer<Program> strings) : AccountPageModel
{
    [BindProperty] public ChangeEmailInput Input { get; set; } = new();

    public string CurrentEmail { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        CurrentEmail = user.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        CurrentEmail = user.Email ?? "";
        var newEmail = Input.NewEmail.Trim();
        if (ModelState.IsValid && string.Equals(newEmail, CurrentEmail, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.NewEmail", strings["Account.Manage.Email.Same"]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var token = AccountTokens.Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        emails.Queue(newEmail, user.PreferredCulture, "ConfirmEmailChange", emails.Link(
            $"/Account/ConfirmEmailChange?userId={Uri.EscapeDataString(user.Id)}&email={Uri.EscapeDataString(newEmail)}&code={token}"));
        audit.Record("account.email-change-requested", nameof(CiudadUser), user.Id, new { email = CurrentEmail }, new { email = newEmail });
        await db.SaveChangesAsync();
        Confirm("Account.Manage.Email.Sent");
        return RedirectToPage();
    }
}

public sealed class ChangeEmailInput
{
    [Required(ErrorMessage = "Account.Manage.Email.Required")]
    [EmailAddress(ErrorMessage = "Account.Email.Format")]
    [StringLength(256, ErrorMessage = "Account.Email.TooLong")]
    public string NewEmail { get; set; } = "";
}
