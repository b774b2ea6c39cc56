using System.Security.Cryptography;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Security;
using Ciudad.Platform.Seeding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Ciudad.Web.Pages.Account;

/// <summary>
/// Staff who have not set up their authenticator app may do so only in a browser that has just
/// opened a link emailed to them: their invitation, or a password setup or reset link (from
/// <c>ciudad create-admin</c> too). The password alone is not enough, or anyone who learned it could
/// enrol their own phone and keep the account. The permit is a protected cookie naming the account,
/// valid for <see cref="Lifetime"/>; an administrator re-sends an invitation to issue a new one.
/// </summary>
public sealed class StaffEnrolmentPermit(
    IDataProtectionProvider protection,
    IHostEnvironment environment,
    IOptions<SecurityOptions> security)
{
    public const string CookieName = "Ciudad.StaffEnrolment";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Ciudad.StaffEnrolmentPermit").ToTimeLimitedDataProtector();

    /// <summary>True when this person must show a permit before enrolling.</summary>
    public bool IsNeeded(CiudadUser user) =>
        user.IsStaff && !user.TwoFactorEnabled && security.Value.RequireStaffMfa
        // The README's demo administrator on a developer's machine: its password is public anyway.
        && !(environment.IsDevelopment() && string.Equals(user.Email, DemoData.AdminEmail, StringComparison.OrdinalIgnoreCase));

    /// <summary>The emailed link was opened in this browser: it may enrol for the account.</summary>
    public void Grant(HttpResponse response, CiudadUser user) =>
        response.Cookies.Append(CookieName, _protector.Protect(user.Id, Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = security.Value.RequireHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = Lifetime,
        });

    public bool Allows(HttpRequest request, CiudadUser user)
    {
        if (!IsNeeded(user))
        {
            return true;
        }
        if (!request.Cookies.TryGetValue(CookieName, out var permit))
        {
            return false;
        }
        try
        {
            return _protector.Unprotect(permit) == user.Id;
        }
        catch (CryptographicException)
        {
            return false; // expired, altered, or from another installation
        }
    }

    public void Clear(HttpResponse response) => response.Cookies.Delete(CookieName);
}
