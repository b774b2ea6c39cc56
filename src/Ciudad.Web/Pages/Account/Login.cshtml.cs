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

    /// <summary>Passkey sign-in, step one for the script: a challenge for any passkey of this site.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        // No user: discoverable passkeys only, so the answer never depends on an email address.
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    /// <summary>Passkey sign-in, step two: the browser's signed answer, posted as an ordinary form.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? credentialJson)
    {
        ModelState.Clear();
        var user = await PasskeyOwnerAsync(credentialJson);
        var result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (user is not null && !string.IsNullOrEmpty(credentialJson))
        {
            try
            {
                result = await signIn.PasskeySignInAsync(credentialJson);
            }
            catch (InvalidOperationException)
            {
                // No ceremony under way: the options expired or the answer was posted twice.
            }
        }
        if (result.Succeeded && user is not null)
        {
            await completion.CompleteAsync(HttpContext, user, "passkey");
            return LocalRedirect(LocalOrHome(ReturnUrl));
        }
        if (result.IsLockedOut)
        {
            await completion.FailedAsync(HttpContext, "account.locked-out", user, new { user?.Email, reason = "passkey" });
            ModelState.AddModelError("", strings["Account.Login.LockedOut"]);
            return Invalid();
        }
        await completion.FailedAsync(HttpContext, "account.sign-in-failed", user, new { user?.Email, method = "passkey" });
        ModelState.AddModelError("", strings["Account.Login.PasskeyFailed"]);
        return Invalid();
    }

    /// <summary>Whose passkey the browser used (the credential id in its answer), for the audit and the language.</summary>
    private async Task<CiudadUser?> PasskeyOwnerAsync(string? credentialJson)
    {
        try
        {
            using var credential = System.Text.Json.JsonDocument.Parse(credentialJson ?? "");
            var id = credential.RootElement.GetProperty("id").GetString();
            return id is null ? null : await users.FindByPasskeyIdAsync(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(id));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            return null;
        }
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
