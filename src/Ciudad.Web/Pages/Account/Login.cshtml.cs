using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.Pages.Account;

/// <summary>
/// Sign-in with email and password. A wrong password, an unknown address and an unconfirmed account
/// all get the same answer, after the same amount of work, so the form cannot be used to find accounts.
/// </summary>
public sealed class LoginModel(
    UserManager<CiudadUser> users,
    SignInManager<CiudadUser> signIn,
    SignInCompletion completion,
    IStringLocalizer<Program> strings) : AccountPageModel
{
    private static readonly CiudadUser Nobody = new();
    private static readonly string NobodysHash = new PasswordHasher<CiudadUser>().HashPassword(Nobody, Guid.NewGuid().ToString());

    [BindProperty] public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash, Input.Password);
            await completion.FailedAsync(HttpContext, "account.sign-in-failed", null, new { email, reason = "unknown" });
            return Failed();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await completion.CompleteAsync(HttpContext, user, "password");
            return LocalRedirect(LocalOrHome(ReturnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        }
        if (result.IsLockedOut)
        {
            await completion.FailedAsync(HttpContext, "account.locked-out", user,
                new { email, reason = user.IsDeactivated ? "deactivated" : "too-many-attempts" });
            ModelState.AddModelError("", strings["Account.Login.LockedOut"]);
            return Invalid();
        }
        await completion.FailedAsync(HttpContext, "account.sign-in-failed", user,
            new { email, reason = result.IsNotAllowed ? "not-confirmed" : "password" });
        return Failed();
    }

    private PageResult Failed()
    {
        ModelState.AddModelError("Input.Email", strings["Account.Login.Failed"]);
        return Invalid();
    }
}

public sealed class LoginInput
{
    [Required(ErrorMessage = "Account.Email.Required")]
    [EmailAddress(ErrorMessage = "Account.Email.Format")]
    [StringLength(256, ErrorMessage = "Account.Email.TooLong")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Account.Login.Password.Required")]
    [MaxLength(256, ErrorMessage = "Account.Password.TooLong")]
    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}
