using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Seeding;

internal static class DemoRequestFeatures
{
    /// <summary>Registers demo and synthetic requests.</summary>
    public static IServiceCollection AddDemoRequestFeatures(this IServiceCollection services) => services;
}
