using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Open311;

internal static class Open311Endpoints
{
    public const string Root = "/open311";
    public const string Base = "/open311/v2";

    /// <summary>Every read answers HEAD too (link checkers, monitors and caches ask with it); Kestrel sends no body.</summary>
    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>GeoReport v2 at <c>/open311/v2/</c>.</summary>
    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder endpoints)
    {
        var root = endpoints.MapGroup(Root)
            .AllowAnonymous()
            // Machine clients post with an API key, not a session cookie: there is no cross-site form to forge.
            .DisableAntiforgery()
            // Every answer here carries its own body in the requested format; the site's HTML error pages must not replace it.
            .WithMetadata(new SkipStatusCodePages())
            .AddEndpointFilter<Open311ErrorFilter>();
        var api = root.MapGroup("/v2");

        api.MapMethods("/discovery.{format}", ReadMethods, (string format, HttpContext http, Open311CatalogHandlers catalog, IOptions<Open311Options> options) =>
            Open311Result.Ok(Begin(http, format, options.Value).Format, catalog.Discovery()))
            .WithName("Open311Discovery");

        api.MapMethods("/services.{format}", ReadMethods, async (string format, HttpContext http, Open311CatalogHandlers catalog, IOptions<Open311Options> options, CancellationToken cancellationToken) =>
        {
            var call = Begin(http, format, options.Value);
            return Open311Result.Ok(call.Format, await catalog.ServicesAsync(call.Culture, cancellationToken));
        }).WithName("Open311Services");

        api.MapMethods("/services/{code}.{format}", ReadMethods, async (string code, string format, HttpContext http, Open311CatalogHandlers catalog, IOptions<Open311Options> options, CancellationToken cancellationToken) =>
        {
            var call = Begin(http, format, options.Value);
            return Open311Result.Ok(call.Format, await catalog.DefinitionAsync(code, call.Culture, cancellationToken));
        }).WithName("Open311ServiceDefinition");

        api.MapMethods("/requests.{format}", ReadMethods, async (string format, HttpContext http, Open311RequestReader reader, IOptions<Open311Options> options, CancellationToken cancellationToken) =>
        {
            var call = Begin(http, format, options.Value);
            return await reader.ListAsync(http.Request, call.Format, call.Input, call.Culture, cancellationToken);
        }).WithName("Open311Requests");

        api.MapPost("/requests.{format}", async (string format, HttpContext http, Open311RequestWriter writer, CancellationToken cancellationToken) =>
            await writer.PostAsync(http, Open311Call.Format(format), cancellationToken))
            .WithName("Open311PostRequest");

        api.MapMethods("/requests/{id}.{format}", ReadMethods, async (string id, string format, HttpContext http, Open311RequestReader reader, IOptions<Open311Options> options, CancellationToken cancellationToken) =>
        {
            var call = Begin(http, format, options.Value);
            return Open311Result.Ok(call.Format, await reader.SingleAsync(id, call.Input, call.Culture, cancellationToken));
        }).WithName("Open311Request");

        api.MapMethods("/tokens/{token}.{format}", ReadMethods, async (string token, string format, HttpContext http, Open311RequestReader reader, IOptions<Open311Options> options, CancellationToken cancellationToken) =>
        {
            var call = Begin(http, format, options.Value);
            return Open311Result.Ok(call.Format, await reader.TokenAsync(token, cancellationToken));
        }).WithName("Open311Token");

        api.MapMethods("/servicerequestupdates.{format}", ReadMethods, async (string format, HttpContext http, Open311RequestReader reader, IOptions<Open311Options> options, CancellationToken cancellationToken) =>
        {
            var call = Begin(http, format, options.Value);
            return Open311Result.Ok(call.Format, await reader.UpdatesAsync(call.Input, cancellationToken));
        }).WithName("Open311ServiceRequestUpdates");

        api.MapPost("/servicerequestupdates.{format}", async (string format, HttpContext http, Open311UpdateWriter writer, CancellationToken cancellationToken) =>
            await writer.PostAsync(http, Open311Call.Format(format), cancellationToken))
            .WithName("Open311PostServiceRequestUpdate");

        // Anything else under /open311 (unknown resource, missing suffix, other methods) is a 404 in
        // the format the path suggests, rather than the site's HTML "page not found".
        // OPTIONS (a browser's CORS preflight) lands here too: the routes above take only their own methods.
        root.Map("/{**rest}", (HttpContext http) => HttpMethods.IsOptions(http.Request.Method)
                ? Preflight(http)
                : Open311Result.Error(Open311Formats.FromPath(http.Request.Path.Value),
                    StatusCodes.Status404NotFound, $"Unknown resource. The API is described at {Base}/discovery.xml."))
            .WithName("Open311NotFound");
        return endpoints;
    }

    /// <summary>
    /// A browser asks (OPTIONS) before a cross-site call with headers of its own. GET is public to every
    /// origin; POST carries an API key, never a cookie, so allowing it from any origin is safe too.
    /// </summary>
    private static IResult Preflight(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.AccessControlAllowOrigin = "*";
        headers.AccessControlAllowMethods = "GET, HEAD, POST, OPTIONS";
        var asked = http.Request.Headers.AccessControlRequestHeaders;
        headers.AccessControlAllowHeaders = asked.Count > 0 ? asked.ToString() : "Content-Type, Accept-Language";
        headers.AccessControlMaxAge = "86400";
        headers.Allow = "GET, HEAD, POST, OPTIONS";
        return Results.NoContent();
    }

    /// <summary>Endpoint metadata the status-code-pages middleware honours.</summary>
    private sealed class SkipStatusCodePages : Microsoft.AspNetCore.Http.Metadata.ISkipStatusCodePagesMetadata;

    private static (Open311Format Format, Open311Input Input, string Culture) Begin(HttpContext http, string format, Open311Options options)
    {
        var parsed = Open311Call.Format(format);
        var input = new Open311Input(http.Request.Query);
        Open311Call.CheckJurisdiction(input, options);
        return (parsed, input, Open311Call.Culture(http, input));
    }
}
