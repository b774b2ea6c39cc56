using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Intake;

internal static class IntakeFeatures
{
    /// <summary>Registers duplicate suggestions and the web report journey's services.</summary>
    public static IServiceCollection AddIntakeFeatures(this IServiceCollection services)
    {
        services.AddScoped<ServiceFinder>();
        services.AddScoped<DuplicateFinder>();
        services.AddScoped<ReportDrafts>();
        return services;
    }
}
