using System.Globalization;
using System.Threading.RateLimiting;
using Ciudad.Platform.Limits;
using Ciudad.Platform.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace Ciudad.Web.Infrastructure;

/// <summary>
/// Limits on writes: account endpoints (sign-in, registration, reset) per client address, and every
/// other POST per person or address. Rejected requests get the 429 page in the visitor's language.
/// The budgets are <see cref="IRateWindows"/>: shared by every instance through Redis when it is
/// configured, so a visitor's requests count the same whichever instance the load balancer picks.
/// </summary>
public static class RateLimits
{
    private static readonly string[] AccountPaths =
    [
        "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Register",
        "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/ResendConfirmation", "/Account/Passkey",
    ];

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddCiudadRateLimits(this IServiceCollection services, SecurityOptions security)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IRateWindows>((options, windows) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = new WindowedLimiter<HttpContext>(windows, context => RuleFor(context, security));
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        new WindowSpend(false, retryAfter).RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                }
                return ValueTask.CompletedTask; // the status code page renders the explanation
            };
        });
        return services;
    }

    /// <summary>Which budget a request spends from; null for none.</summary>
    private static WindowRule? RuleFor(HttpContext context, SecurityOptions security)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path.StartsWithSegments("/Errors"))
        {
            return null;
        }
        if (context.Request.Path.StartsWithSegments("/open311"))
        {
            // Open311 POSTs are limited per API key by the endpoint, which answers 429 in the
            // spec's XML/JSON error format; a per-address limit here would throttle a city
            // partner's server and answer with an HTML page.
            return null;
        }
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (AccountPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return new WindowRule("account:" + address, security.AccountAttemptsPerMinute, Minute);
        }
        return new WindowRule("post:" + Poster.Of(context), security.PublicPostsPerMinute, Minute);
    }
}
