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
/// The current password is asked again: a session left open must not be enough to move the
/// account, and its password resets, to someone else's mailbox.
/// </summary>
public sealed class EmailModel(
    UserManager<CiudadUser> users,
    CiudadDbContext db,
    Emails emails,
    AuditLog audit,
    StaffEnrolmentPermit enrolment,
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
        if (enrolment.IsNeeded(user))
        {
            // Staff without an authenticator yet: moving the address would let someone who only knows
            // the password receive a reset link, and with it the right to enrol their own phone.
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var newEmail = Input.NewEmail.Trim();
        if (ModelState.IsValid && string.Equals(newEmail, CurrentEmail, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.NewEmail", strings["Account.Manage.Email.Same"]);
        }
        if (ModelState.IsValid && !await users.CheckPasswordAsync(user, Input.CurrentPassword))
        {
            ModelState.AddModelError("Input.CurrentPassword", strings["Account.Manage.Password.Wrong"]);
            audit.Record("account.email-change-refused", nameof(CiudadUser), user.Id, after: new { reason = "password" });
            await db.SaveChangesAsync();
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

    [Required(ErrorMessage = "Account.Login.Password.Required")]
    [MaxLength(256, ErrorMessage = "Account.Password.TooLong")]
    public string CurrentPassword { get; set; } = "";
}
