using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Email;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.Pages.Account;

/// <summary>
/// Sign-in with email and password. A wrong password, an unknown address, an unconfirmed or locked
/// account all get the same answer after the same work (one password hash), so the form cannot be
/// used to find accounts. Wrong passwords are counted per account and client address
/// (<see cref="SignInThrottle"/>): guessing stays hopeless, and nobody can lock out someone else.
/// </summary>
public sealed class LoginModel(
    UserManager<CiudadUser> users,
    CiudadSignInManager signIn,
    SignInThrottle throttle,
    SignInCompletion completion,
    CiudadDbContext db,
    Emails emails,
    AuditLog audit,
    IStringLocalizer<Program> strings) : AccountPageModel
{
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
        var normalizedEmail = users.NormalizeEmail(email);
        var address = HttpContext.Connection.RemoteIpAddress;
        var user = await users.FindByEmailAsync(email);

        var verdict = await throttle.CheckAsync(normalizedEmail, address);
        if (verdict != SignInVerdict.Allowed)
        {
            // No password is checked, but the same work is done, so the answer's timing says nothing either.
            signIn.SameWorkWithoutAccount(Input.Password);
            await completion.FailedAsync(HttpContext, "account.sign-in-throttled", user, new { email, reason = verdict.ToString() });
            ModelState.AddModelError("", strings["Account.Login.Throttled"]);
            return Invalid();
        }

        var result = user is null
            ? signIn.SameWorkWithoutAccount(Input.Password)
            : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await throttle.RecordSuccessAsync(normalizedEmail, address);
        }
        if (result.Succeeded)
        {
            await completion.CompleteAsync(HttpContext, user!, "password");
            return LocalRedirect(LocalOrHome(ReturnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        }
        if (result.IsLockedOut)
        {
            // Reached only with the right password: a deactivated account, or too many wrong codes.
            await completion.FailedAsync(HttpContext, "account.locked-out", user,
                new { email, reason = user!.IsDeactivated ? "deactivated" : "too-many-codes" });
            ModelState.AddModelError("", strings["Account.Login.LockedOut"]);
            return Invalid();
        }
        if (result.IsNotAllowed)
        {
            await completion.FailedAsync(HttpContext, "account.sign-in-failed", user, new { email, reason = "not-confirmed" });
            return Failed();
        }
        if (await throttle.RecordFailureAsync(normalizedEmail, address) && user is not null)
        {
            await WarnOwnerAsync(user);
        }
        await completion.FailedAsync(HttpContext, "account.sign-in-failed", user, new { email, reason = user is null ? "unknown" : "password" });
        return Failed();
    }

    /// <summary>
    /// The account has just been slowed by wrong passwords from many addresses: its owner hears once,
    /// with a reset link that lets them in straight away whatever the guessers do.
    /// </summary>
    private async Task WarnOwnerAsync(CiudadUser user)
    {
        emails.Queue(user.Email!, user.PreferredCulture, "SignInSlowed", emails.Link(await ForgotPasswordModel.ResetLinkAsync(users, user)));
        audit.Record("account.sign-in-slowed", nameof(CiudadUser), user.Id, actor: ActorFor(user));
        await db.SaveChangesAsync();
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
