using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Catalog;

internal static class CatalogFeatures
{
    /// <summary>Registers catalog administration.</summary>
    public static IServiceCollection AddCatalogFeatures(this IServiceCollection services) =>
        services.AddScoped<CatalogAdministration>();
}
