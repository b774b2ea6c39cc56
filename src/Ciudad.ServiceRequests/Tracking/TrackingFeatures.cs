using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Tracking;

internal static class TrackingFeatures
{
    /// <summary>Registers public tracking, lists, feeds, photos and reopening.</summary>
    public static IServiceCollection AddTrackingFeatures(this IServiceCollection services) => services
        .AddScoped<PublicRequests>()
        .AddScoped<AtomFeed>()
        .AddScoped<RequestReopening>();
}
