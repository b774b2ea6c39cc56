using Microsoft.AspNetCore.Builder;
using Ciudad.Platform.Security;
using Microsoft.AspNetCore.Http;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// A request target under <c>/open311</c> longer than the site accepts is refused here with 414 and
/// the spec's error list in the requested format, before routing. (Every other failure there is
/// already answered in format: endpoints, the 404 catch-all, and the exception handler.) Kestrel itself still refuses, with an empty body and before any middleware runs, a request
/// line over its own limit (set above <see cref="MaxRequestTargetLength"/> by the host) and a
/// path with a decoded NUL (<c>%00</c>): that happens before the application sees the request.
/// </summary>
internal static class Open311EdgeErrors
{
    public const int MaxRequestTargetLength = RequestTargetLimit.MaxLength;

    public static bool IsTooLong(HttpRequest request) => RequestTargetLimit.IsTooLong(request);

    public static IApplicationBuilder UseOpen311EdgeErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments(Open311Endpoints.Root))
        {
            await next(context);
            return;
        }
        if (IsTooLong(context.Request))
        {
            await Open311Result.Error(Open311Formats.FromPath(context.Request.Path.Value), StatusCodes.Status414UriTooLong,
                $"The address is longer than {MaxRequestTargetLength} characters. Send fewer or shorter parameters.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
