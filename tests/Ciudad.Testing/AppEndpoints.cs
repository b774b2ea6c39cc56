using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Testing;

/// <summary>The running app's endpoints, as routing sees them.</summary>
public static class AppEndpoints
{
    public static IReadOnlyList<RouteEndpoint> All(CiudadApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    /// <summary>One endpoint per Razor page (an Index page answers at two routes).</summary>
    public static IReadOnlyList<RouteEndpoint> Pages(CiudadApp app) =>
        [.. All(app).Where(e => PagePath(e) is not null).GroupBy(PagePath).Select(g => g.OrderBy(e => e.RoutePattern.RawText!.Length).First())];

    /// <summary>"/Admin/Departments/Edit" for a page's endpoint; null for other endpoints.</summary>
    public static string? PagePath(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()?.ViewEnginePath;
}
