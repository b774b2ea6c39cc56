using Ciudad.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Sla;

internal static class SlaFeatures
{
    /// <summary>Registers the breach job and the dashboard queries.</summary>
    public static IServiceCollection AddSlaFeatures(this IServiceCollection services)
    {
        services.AddScoped<SlaBreaches>();
        services.AddSingleton<SlaMonitor>();
        // The module's older settings still set the pace and switch it off (tests drive it by hand).
        services.AddCiudadJob<SlaMonitor>(SlaMonitor.JobName, new ServiceRequestsOptions().SlaCheckInterval,
            enabledSetting: $"{ServiceRequestsOptions.Section}:{nameof(ServiceRequestsOptions.SlaMonitorEnabled)}",
            everySetting: $"{ServiceRequestsOptions.Section}:{nameof(ServiceRequestsOptions.SlaCheckInterval)}");
        services.AddScoped<DashboardQueries>();
        return services;
    }
}
