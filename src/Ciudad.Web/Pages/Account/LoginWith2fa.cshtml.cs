using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.Pages.Account;

/// <summary>The second step for accounts with an authenticator app: the 6-digit code.</summary>
public sealed class LoginWith2faModel(
    SignInManager<CiudadUser> signIn,
    SignInCompletion completion,
    IStringLocalizer<Program> strings) : AccountPageModel
{
    [BindProperty] public AuthenticatorCodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("Login", new { ReturnUrl });
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Input.Digits, RememberMe, rememberClient: false);
        switch (await completion.SecondStepAsync(HttpContext, user, result, "authenticator"))
        {
            case SecondStepOutcome.SignedIn:
                return LocalRedirect(LocalOrHome(ReturnUrl));
            case SecondStepOutcome.LockedOut:
                ModelState.AddModelError("", strings["Account.Login.LockedOut"]);
                return Invalid();
            default:
                ModelState.AddModelError("Input.Code", strings["Account.Code.Wrong"]);
                return Invalid();
        }
    }
}

public sealed class AuthenticatorCodeInput
{
    [Required(ErrorMessage = "Account.Code.Required")]
    [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "Account.Code.Format")]
    public string Code { get; set; } = "";

    /// <summary>The code without the spaces people type when copying "123 456".</summary>
    public string Digits => new(Code.Where(char.IsAsciiDigit).ToArray());
}
