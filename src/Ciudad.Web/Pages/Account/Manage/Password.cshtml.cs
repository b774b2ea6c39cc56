using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Email;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.Pages.Account.Manage;

/// <summary>Changing the password; the person is told by email, in case it was not them.</summary>
public sealed class PasswordModel(
    UserManager<CiudadUser> users,
    SignInManager<CiudadUser> signIn,
    Emails emails,
    AuditLog audit,
    IStringLocalizer<Program> strings) : AccountPageModel
{
    [BindProperty] public ChangePasswordInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() =>
        await users.GetUserAsync(User) is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "PasswordMismatch"))
            {
                ModelState.AddModelError("Input.CurrentPassword", strings["Account.Manage.Password.Wrong"]);
            }
            else
            {
                AddErrors(ModelState, "Input.NewPassword", result, strings);
            }
            return Invalid();
        }
        emails.Queue(user.Email!, user.PreferredCulture, "PasswordChanged", emails.Link("/Account/ForgotPassword"));
        audit.Record("account.password-changed", nameof(CiudadUser), user.Id);
        await users.UpdateAsync(user);
        // The security stamp changed: other sessions end; this one is re-issued.
        await signIn.RefreshSignInAsync(user);
        Confirm("Account.Manage.Password.Changed");
        return RedirectToPage();
    }
}

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Account.Manage.Password.CurrentRequired")]
    [MaxLength(256, ErrorMessage = "Account.Password.TooLong")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Account.NewPassword.Required")]
    [MinLength(12, ErrorMessage = "Account.Password.TooShort")]
    [MaxLength(256, ErrorMessage = "Account.Password.TooLong")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Account.ConfirmPassword.Required")]
    [Compare(nameof(NewPassword), ErrorMessage = "Account.ConfirmPassword.Mismatch")]
    public string ConfirmPassword { get; set; } = "";
}
