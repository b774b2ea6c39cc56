using Ciudad.Platform.Modules;

namespace Ciudad.Web.Infrastructure;

/// <summary>
/// Strict headers on every response. The CSP allows no inline script or style: every script is a
/// file served by Ciudad itself, so an injected &lt;script&gt; never runs.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy; <paramref name="imageOrigins"/> (modules' image servers, such as map tiles) may serve images.</summary>
    public static string ContentSecurityPolicy(IEnumerable<string> imageOrigins) =>
        $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{string.Concat(imageOrigins.Distinct().Select(o => " " + o))}; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseCiudadSecurityHeaders(this IApplicationBuilder app)
    {
        var modules = app.ApplicationServices.GetRequiredService<ModuleCatalog>().Modules;
        var policy = ContentSecurityPolicy(modules.SelectMany(m => m.ImageOrigins(app.ApplicationServices)));
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            context.Response.OnStarting(() =>
            {
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), payment=(), geolocation=(self)";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next();
        });
    }
}
