using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Ciudad.Platform.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace Ciudad.Web.Infrastructure;

/// <summary>
/// Limits on writes: account endpoints (sign-in, registration, reset) per client address, and every
/// other POST per person or address. Rejected requests get the 429 page in the visitor's language.
/// </summary>
public static class RateLimits
{
    private static readonly string[] AccountPaths =
    [
        "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Register",
        "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/ResendConfirmation", "/Account/Passkey",
    ];

    public static IServiceCollection AddCiudadRateLimits(this IServiceCollection services, SecurityOptions security)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path.StartsWithSegments("/Errors"))
                {
                    return RateLimitPartition.GetNoLimiter("reads");
                }
                if (context.Request.Path.StartsWithSegments("/open311"))
                {
                    // Open311 POSTs are limited per API key by the endpoint, which answers 429 in the
                    // spec's XML/JSON error format; a per-address limit here would throttle a city
                    // partner's server and answer with an HTML page.
                    return RateLimitPartition.GetNoLimiter("open311");
                }
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (AccountPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
                {
                    return Window("account:" + address, security.AccountAttemptsPerMinute);
                }
                return Window(Poster(context), security.PublicPostsPerMinute);
            });
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }
                return ValueTask.CompletedTask; // the status code page renders the explanation
            };
        });
        return services;
    }

    /// <summary>
    /// Whose budget a public write spends: the signed-in person's, else the client address's. The
    /// POST limit above and per-item budgets (photos) share it, so both count the same poster.
    /// </summary>
    public static string Poster(HttpContext context) => Ciudad.Platform.Security.Poster.Of(context);

    private static RateLimitPartition<string> Window(string key, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
