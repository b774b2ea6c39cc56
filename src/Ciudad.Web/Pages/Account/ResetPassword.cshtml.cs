using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Email;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.Pages.Account;

/// <summary>
/// Choosing a new password from an emailed link; also where <c>ciudad create-admin</c> sends a new
/// administrator (<c>setup=1</c>) to choose their first one.
/// </summary>
public sealed class ResetPasswordModel(
    UserManager<CiudadUser> users,
    Emails emails,
    AuditLog audit,
    SignInThrottle throttle,
    StaffEnrolmentPermit enrolment,
    IStringLocalizer<Program> strings) : AccountPageModel
{
    [BindProperty] public ResetPasswordInput Input { get; set; } = new();

    /// <summary>"1" in the link <c>ciudad create-admin</c> prints: a first password, not a reset.</summary>
    [BindProperty(SupportsGet = true, Name = "setup")] public string? SetupFlag { get; set; }

    public bool Setup => SetupFlag is "1" or "true";

    public bool LinkMissing { get; private set; }

    public string TitleKey => Setup ? "Account.Reset.SetupTitle" : "Account.Reset.Title";

    public void OnGet(string? email, string? code)
    {
        Input.Email = email ?? "";
        Input.Code = code ?? "";
        LinkMissing = string.IsNullOrEmpty(email) || string.IsNullOrEmpty(code);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            LinkMissing = string.IsNullOrEmpty(Input.Email) || string.IsNullOrEmpty(Input.Code);
            return Invalid();
        }
        var user = await users.FindByEmailAsync(Input.Email);
        var result = user is null
            ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken" })
            : await users.ResetPasswordAsync(user, Input.Code, Input.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "InvalidToken"))
            {
                ModelState.AddModelError("", strings["Account.Reset.LinkExpired"]);
                LinkMissing = true;
            }
            else
            {
                AddErrors(ModelState, "Input.Password", result, strings);
            }
            return Invalid();
        }

        // The link came to their mailbox: that proves the address, and ends any lockout.
        user!.EmailConfirmed = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        emails.Queue(user.Email!, user.PreferredCulture, "PasswordChanged", emails.Link("/Account/ForgotPassword"));
        audit.Record("account.password-reset", nameof(CiudadUser), user.Id, after: new { setup = Setup }, actor: ActorFor(user));
        await users.UpdateAsync(user);
        // Guesses at the old password no longer matter: the owner is not kept waiting for them.
        await throttle.ForgetAsync(user.NormalizedEmail!);
        // The link proved the mailbox, as an invitation does: staff may now enrol in this browser.
        if (enrolment.IsNeeded(user))
        {
            enrolment.Grant(Response, user);
        }
        Confirm(Setup ? "Account.Reset.SetupDone" : "Account.Reset.Done");
        return RedirectToPage("Login");
    }
}

public sealed class ResetPasswordInput
{
    public string Email { get; set; } = "";

    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Account.NewPassword.Required")]
    [MinLength(12, ErrorMessage = "Account.Password.TooShort")]
    [MaxLength(256, ErrorMessage = "Account.Password.TooLong")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Account.ConfirmPassword.Required")]
    [Compare(nameof(Password), ErrorMessage = "Account.ConfirmPassword.Mismatch")]
    public string ConfirmPassword { get; set; } = "";
}
