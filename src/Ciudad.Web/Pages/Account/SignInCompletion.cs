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

    public bool SecureCookies => security.Value.RequireHttps;
}
