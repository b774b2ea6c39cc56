using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// Keeps every answer under <c>/open311</c> in the requested format: client mistakes become the
/// spec's error list, and anything unexpected a 500 in the same format, never the site's HTML
/// error page (uReport's bug #162).
/// </summary>
internal sealed class Open311ErrorFilter(ILogger<Open311ErrorFilter> logger) : IEndpointFilter
{
    public const string Unexpected = "Something went wrong on our side. Try again later; if it keeps happening, contact the city.";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (Open311Problem problem)
        {
            return Open311Result.Error(FormatOf(http), problem.StatusCode, problem.Message);
        }
        catch (Exception exception) when (!http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(exception, "Open311 {Method} {Path} failed", http.Request.Method, http.Request.Path);
            return Open311Result.Error(FormatOf(http), StatusCodes.Status500InternalServerError, Unexpected);
        }
    }

    /// <summary>The format the caller asked for, even when the call failed before it was parsed.</summary>
    public static Open311Format FormatOf(HttpContext http) =>
        Open311Formats.TryParse(http.Request.RouteValues["format"] as string, out var format)
            ? format
            : Open311Formats.FromPath(http.Request.Path.Value);
}

/// <summary>
/// The last line for failures outside an endpoint (middleware, body limits): the site's exception
/// handler asks registered handlers first, and this one claims <c>/open311</c> paths.
/// </summary>
internal sealed class Open311ExceptionHandler(ILogger<Open311ExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments(Open311Endpoints.Root) || httpContext.Response.HasStarted)
        {
            return false;
        }
        logger.LogError(exception, "Open311 {Path} failed outside its endpoint", httpContext.Request.Path);
        // The spec knows 400, 403 and 404 only; a body Kestrel refused (too large, malformed) is the client's 400.
        var status = exception is BadHttpRequestException ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError;
        var description = status == StatusCodes.Status500InternalServerError ? Open311ErrorFilter.Unexpected : "The request could not be read.";
        await Open311Result.Error(Open311ErrorFilter.FormatOf(httpContext), status, description).ExecuteAsync(httpContext);
        return true;
    }
}
