using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Sla;

internal static class SlaFeatures
{
    /// <summary>Registers the breach job and the dashboard queries.</summary>
    public static IServiceCollection AddSlaFeatures(this IServiceCollection services)
    {
        services.AddScoped<SlaBreaches>();
        services.AddSingleton<SlaMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<SlaMonitor>());
        services.AddScoped<DashboardQueries>();
        return services;
    }
}
