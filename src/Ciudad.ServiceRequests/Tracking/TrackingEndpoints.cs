using Ciudad.Platform.Identity;
using Ciudad.Platform.Localization;
using Ciudad.ServiceRequests.Requests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Ciudad.ServiceRequests.Tracking;

internal static class TrackingEndpoints
{
    /// <summary>Public endpoints that are not pages: photos, thumbnails, Atom feeds and map markers.</summary>
    public static IEndpointRouteBuilder MapTrackingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var requests = endpoints.MapGroup("/requests").AllowAnonymous();
        requests.MapGet("/feed.atom", FeedAsync).WithName("Tracking.Feed")
            .WithSummary("Atom feed of recently changed public requests, filtered like the public list.");
        requests.MapGet("/map.json", MarkersAsync).WithName("Tracking.Markers")
            .WithSummary("Map markers for the public list's filters (locations coarsened where the service requires).");
        requests.MapGet("/{number}/photos/{id:guid}", (string number, Guid id, PublicRequests store, HttpContext context, CancellationToken ct) =>
                PhotoAsync(number, id, thumbnail: false, store, context, ct))
            .WithName("Tracking.Photo").WithSummary("A public photo of a request (JPEG).");
        requests.MapGet("/{number}/photos/{id:guid}/thumbnail", (string number, Guid id, PublicRequests store, HttpContext context, CancellationToken ct) =>
                PhotoAsync(number, id, thumbnail: true, store, context, ct))
            .WithName("Tracking.Thumbnail").WithSummary("A public photo's thumbnail (JPEG).");
        return endpoints;
    }

    private static async Task<IResult> FeedAsync(HttpRequest request, AtomFeed feed, StringCatalog strings, CancellationToken cancellationToken)
    {
        var lang = request.Query["lang"].ToString();
        var culture = SupportedCultures.IsSupported(lang) ? SupportedCultures.Normalize(lang) : StringCatalog.CurrentCulture;
        var filter = Filter(request);
        if (filter.OutOfRange.Count > 0)
        {
            return OutOfRange(filter, strings, culture);
        }
        var xml = await feed.RenderAsync(filter, culture, cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Bytes(xml, AtomFeed.ContentType);
    }

    private static async Task<IResult> MarkersAsync(HttpRequest request, PublicRequests store, StringCatalog strings, CancellationToken cancellationToken)
    {
        var culture = StringCatalog.CurrentCulture;
        var filter = Filter(request);
        if (filter.OutOfRange.Count > 0)
        {
            return OutOfRange(filter, strings, culture);
        }
        var markers = await store.MarkersAsync(filter, cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=60";
        request.HttpContext.Response.Headers.Vary = HeaderNames.AcceptLanguage + ", " + HeaderNames.Cookie;
        return Results.Json(markers.Select(m => new
        {
            number = RequestNumbers.Format(m.Number),
            url = RequestLinks.Track(m.Number),
            service = m.ServiceName(culture),
            status = strings.Get(culture, m.Status.LabelKey()),
            isOpen = m.Status.IsOpen(),
            lat = m.Location.Point!.Value.Latitude,
            lon = m.Location.Point!.Value.Longitude,
            approximate = m.Location.IsCoarsened,
            placedFromAddress = m.Location.PlacedFrom is { } match ? match.ToString().ToLowerInvariant() : null,
        }));
    }

    private static async Task<IResult> PhotoAsync(string number, Guid id, bool thumbnail, PublicRequests store, HttpContext context, CancellationToken cancellationToken)
    {
        var canonical = RequestNumbers.Normalize(number);
        var bytes = canonical is null ? null : await store.PhotoAsync(canonical, id, thumbnail, cancellationToken);
        if (bytes is null)
        {
            return Results.NotFound();
        }
        // Short public caching: a photo staff hide later must drop out of shared caches soon.
        context.Response.Headers.CacheControl = "public, max-age=3600";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(bytes, "image/jpeg");
    }

    /// <summary>
    /// A date no filter can use is the caller's mistake: 400 with a problem document naming the
    /// parameter and the allowed range (the list page shows the same in its form).
    /// </summary>
    private static IResult OutOfRange(PublicRequestFilter filter, StringCatalog strings, string culture) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        detail: string.Join(" ", filter.OutOfRange.Select(name =>
            strings.Format(culture, "Requests.Filter.DateOutOfRange", name, FilterDates.EarliestText, FilterDates.LatestText))));

    private static PublicRequestFilter Filter(HttpRequest request) => PublicRequestFilter.Read(
        request.Query["service"], request.Query["status"], request.Query["area"], request.Query["from"], request.Query["to"]);
}
