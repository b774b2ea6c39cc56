using System.Globalization;
using System.Text;
using Ciudad.Platform.Audit;
using Ciudad.Platform.City;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Ciudad.Web.Pages.Account.Manage;

/// <summary>
/// Two-step verification with an authenticator app (TOTP). Staff must have it (the staff policy sends
/// them here with <c>required=1</c>), so they may not turn it off.
/// </summary>
public sealed class TwoFactorModel(
    UserManager<CiudadUser> users,
    SignInManager<CiudadUser> signIn,
    AuditLog audit,
    IOptions<SecurityOptions> security,
    IOptions<CityOptions> city,
    StaffEnrolmentPermit permit,
    IStringLocalizer<Program> strings) : AccountPageModel
{
    public const string RecoveryCodesKey = "Ciudad.RecoveryCodes";

    [BindProperty] public AuthenticatorCodeInput Input { get; set; } = new();

    /// <summary>"1" when the staff policy sent the person here (see StaffEnrolmentRedirect).</summary>
    [BindProperty(SupportsGet = true)] public string? Required { get; set; }

    public bool IsRequired => Required is "1" or "true";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool Enabled { get; private set; }

    /// <summary>Staff not yet enrolled who came with their password only: they need their emailed link.</summary>
    public bool NeedsEmailedLink { get; private set; }
    public bool CanDisable { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeImage { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }
        if (!permit.Allows(Request, user))
        {
            await audit.RecordNowAsync("account.mfa-enrolment-refused", nameof(CiudadUser), user.Id, after: new { reason = "no-emailed-link" });
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Input.Digits))
        {
            ModelState.AddModelError("Input.Code", strings["Account.Code.Wrong"]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Invalid();
        }
        audit.Record("account.mfa-enabled", nameof(CiudadUser), user.Id, after: new { method = "authenticator" });
        await users.SetTwoFactorEnabledAsync(user, true);
        TempData[RecoveryCodesKey] = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToArray();
        // A new cookie carries the ciudad:mfa-enrolled claim that staff pages require.
        await signIn.RefreshSignInAsync(user);
        permit.Clear(Response);
        Confirm("Account.TwoFactor.Enabled");
        return RedirectToPage("RecoveryCodes", new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
    }

    public async Task<IActionResult> OnPostRegenerateAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }
        audit.Record("account.recovery-codes-regenerated", nameof(CiudadUser), user.Id);
        TempData[RecoveryCodesKey] = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToArray();
        Confirm("Account.TwoFactor.Regenerated");
        return RedirectToPage("RecoveryCodes");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!MayDisable(user))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (user.TwoFactorEnabled)
        {
            audit.Record("account.mfa-disabled", nameof(CiudadUser), user.Id, before: new { method = "authenticator" });
            await users.SetTwoFactorEnabledAsync(user, false);
            // A later enrolment starts from a new secret; the old app's codes stop working.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            Confirm("Account.TwoFactor.Disabled");
        }
        return RedirectToPage();
    }

    private bool MayDisable(CiudadUser user) => !(user.IsStaff && security.Value.RequireStaffMfa);

    private async Task LoadAsync(CiudadUser user)
    {
        Enabled = user.TwoFactorEnabled;
        CanDisable = MayDisable(user);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        if (!permit.Allows(Request, user))
        {
            NeedsEmailedLink = true; // and no key: it must not reach someone who only has the password
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            // A new key changes the security stamp; without a fresh cookie the stamp check (every
            // minute) would sign the person out while they are still setting up their phone.
            await signIn.RefreshSignInAsync(user);
        }
        SharedKey = FormatKey(key);
        QrCodeImage = QrCodeDataUri(AuthenticatorUri(user.Email!, key));
    }

    /// <summary>Groups of four, lower case: easier to read out and type into a phone.</summary>
    public static string FormatKey(string key)
    {
        var formatted = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return formatted.ToString().TrimEnd().ToLowerInvariant();
    }

    private string AuthenticatorUri(string email, string key)
    {
        var issuer = Uri.EscapeDataString(city.Value.NameEn);
        return string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{issuer}:{Uri.EscapeDataString(email)}?secret={key}&issuer={issuer}&digits=6");
    }

    /// <summary>Rendered here as SVG, so the secret never leaves the server for a QR service.</summary>
    private static string QrCodeDataUri(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data).GetGraphic(5, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
