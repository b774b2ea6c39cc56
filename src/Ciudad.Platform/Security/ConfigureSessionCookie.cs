using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ciudad.Platform.Security;

/// <summary>Session cookie: HttpOnly, SameSite=Lax, Secure when HTTPS is required, sliding idle expiry.</summary>
internal sealed class ConfigureSessionCookie(IOptions<SecurityOptions> security) : IConfigureNamedOptions<CookieAuthenticationOptions>
{
    public void Configure(string? name, CookieAuthenticationOptions options)
    {
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = security.Value.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        if (name == IdentityConstants.ApplicationScheme)
        {
            options.Cookie.Name = "ciudad.session";
            options.ExpireTimeSpan = security.Value.SessionIdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Errors/403";
        }
    }

    public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);
}
