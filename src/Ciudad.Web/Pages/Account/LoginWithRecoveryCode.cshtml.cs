using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.Pages.Account;

/// <summary>For a person without their authenticator app: one of the ten single-use recovery codes.</summary>
public sealed class LoginWithRecoveryCodeModel(
    SignInManager<CiudadUser> signIn,
    SignInCompletion completion,
    IStringLocalizer<Program> strings) : AccountPageModel
{
    [BindProperty] public RecoveryCodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

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
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        switch (await completion.SecondStepAsync(HttpContext, user, result, "recovery-code"))
        {
            case SecondStepOutcome.SignedIn:
                return LocalRedirect(LocalOrHome(ReturnUrl));
            case SecondStepOutcome.LockedOut:
                ModelState.AddModelError("", strings["Account.Login.LockedOut"]);
                return Invalid();
            default:
                ModelState.AddModelError("Input.Code", strings["Account.RecoveryCode.Wrong"]);
                return Invalid();
        }
    }
}

public sealed class RecoveryCodeInput
{
    [Required(ErrorMessage = "Account.RecoveryCode.Required")]
    [StringLength(50, ErrorMessage = "Account.RecoveryCode.Wrong")]
    public string Code { get; set; } = "";
}
