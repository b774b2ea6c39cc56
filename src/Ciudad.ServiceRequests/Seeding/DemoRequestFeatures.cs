using Ciudad.Platform.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Seeding;

internal static class DemoRequestFeatures
{
    /// <summary>Registers demo and synthetic requests.</summary>
    public static IServiceCollection AddDemoRequestFeatures(this IServiceCollection services)
    {
        services.AddOptions<DemoRequestOptions>()
            .BindConfiguration(ServiceRequestsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DemoPlaces>();
        services.AddScoped<DemoRequests>();
        services.AddScoped<SyntheticRequests>();
        services.AddScoped<IDemoDataContributor, DemoRequestsContributor>();
        return services;
    }
}
