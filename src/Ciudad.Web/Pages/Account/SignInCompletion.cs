using Ciudad.Platform.Audit;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Security;
using Ciudad.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Ciudad.Web.Pages.Account;

/// <summary>What happens after any successful sign-in: the account's language and the audit entry.</summary>
public sealed class SignInCompletion(AuditLog audit, IOptions<SecurityOptions> security)
{
    public async Task CompleteAsync(HttpContext http, CiudadUser user, string method)
    {
        // The language switch cookie wins over the account's preference, so it must follow the account.
        CultureSelection.Remember(http.Response, user.PreferredCulture, security.Value.RequireHttps);
        await audit.RecordNowAsync("account.signed-in", nameof(CiudadUser), user.Id, after: new { method },
            actor: new AuditActor(user.Id, user.Email, http.Connection.RemoteIpAddress?.ToString()));
    }

    public Task FailedAsync(HttpContext http, string action, CiudadUser? user, object details) =>
        audit.RecordNowAsync(action, nameof(CiudadUser), user?.Id, after: details,
            actor: new AuditActor(user?.Id, user?.Email, http.Connection.RemoteIpAddress?.ToString()));

    /// <summary>
    /// Records the outcome of the second sign-in step (authenticator or recovery code) and tells
    /// the page which message to show. <paramref name="method"/> names the step in the audit log.
    /// </summary>
    public async Task<SecondStepOutcome> SecondStepAsync(HttpContext http, CiudadUser user, Microsoft.AspNetCore.Identity.SignInResult result, string method)
    {
        if (result.Succeeded)
        {
            await CompleteAsync(http, user, $"password+{method}");
            return SecondStepOutcome.SignedIn;
        }
        if (result.IsLockedOut)
        {
            await FailedAsync(http, "account.locked-out", user, new { user.Email, reason = method });
            return SecondStepOutcome.LockedOut;
        }
        await FailedAsync(http, "account.mfa-failed", user, new { user.Email, method });
        return SecondStepOutcome.WrongCode;
    }

    public bool SecureCookies => security.Value.RequireHttps;
}

public enum SecondStepOutcome
{
    SignedIn,
    LockedOut,
    WrongCode,
}
