using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Open311;

internal static class Open311Features
{
    /// <summary>Registers the GeoReport v2 API and its keys.</summary>
    public static IServiceCollection AddOpen311Features(this IServiceCollection services)
    {
        services.AddOptions<Open311Options>()
            .BindConfiguration(Open311Options.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<ApiKeyService>();
        services.AddSingleton<ApiKeyRateLimiter>();
        services.AddSingleton<RejectedKeyLimiter>();
        services.AddScoped<RequestListQuery>();
        services.AddSingleton<ServiceCodeDirectory>();
        services.AddSingleton<Open311Presenter>();
        services.AddScoped<Open311CatalogHandlers>();
        services.AddScoped<Open311RequestReader>();
        services.AddScoped<Open311RequestWriter>();
        services.AddScoped<Open311KeyGate>();
        services.AddScoped<Open311UpdateWriter>();
        services.AddHostedService<PublicBaseUrlCheck>();
        services.AddExceptionHandler<Open311ExceptionHandler>();
        return services;
    }
}
