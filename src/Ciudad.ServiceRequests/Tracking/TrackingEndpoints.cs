using Microsoft.AspNetCore.Routing;

namespace Ciudad.ServiceRequests.Tracking;

internal static class TrackingEndpoints
{
    /// <summary>Public endpoints that are not pages: photos, thumbnails, Atom feeds.</summary>
    public static IEndpointRouteBuilder MapTrackingEndpoints(this IEndpointRouteBuilder endpoints) => endpoints;
}
