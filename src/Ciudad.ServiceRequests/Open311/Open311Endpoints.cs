using Microsoft.AspNetCore.Routing;

namespace Ciudad.ServiceRequests.Open311;

internal static class Open311Endpoints
{
    /// <summary>GeoReport v2 at <c>/open311/v2/</c>.</summary>
    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder endpoints) => endpoints;
}
