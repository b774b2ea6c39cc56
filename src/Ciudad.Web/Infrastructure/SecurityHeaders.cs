using Ciudad.ServiceRequests;
using Microsoft.Extensions.Options;

namespace Ciudad.Web.Infrastructure;

/// <summary>
/// Strict headers on every response. The CSP allows no inline script or style: every script is a
/// file served by Ciudad itself, so an injected &lt;script&gt; never runs.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy; <paramref name="mapTileOrigin"/> (the configured map tile server) may serve images.</summary>
    public static string ContentSecurityPolicy(string? mapTileOrigin) =>
        $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{(mapTileOrigin is null ? "" : " " + mapTileOrigin)}; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseCiudadSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = ContentSecurityPolicy(TileOrigin(app.ApplicationServices.GetRequiredService<IOptions<ServiceRequestsOptions>>().Value.MapTileUrl));
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

    /// <summary>"https://tile.openstreetmap.org" from a tile URL template; null when it is on this site.</summary>
    public static string? TileOrigin(string tileUrl)
    {
        var withoutPlaceholders = tileUrl.Replace("{s}", "a", StringComparison.Ordinal);
        if (!Uri.TryCreate(withoutPlaceholders.Split('{')[0], UriKind.Absolute, out var uri))
        {
            return null;
        }
        // {s} subdomains (a.tile…, b.tile…) need a wildcard.
        var host = tileUrl.Contains("{s}.", StringComparison.Ordinal) ? "*." + uri.Host[(uri.Host.IndexOf('.', StringComparison.Ordinal) + 1)..] : uri.Host;
        return $"{uri.Scheme}://{host}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}";
    }
}
