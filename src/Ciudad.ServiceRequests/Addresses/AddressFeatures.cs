using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Addresses;

/// <summary>Settings of the demo address points (<c>Ciudad:ServiceRequests:DemoAddresses</c>).</summary>
internal sealed class DemoAddressOptions
{
    /// <summary>About how many generated address points the demo city has; 0 for none (the tests' default).</summary>
    [Range(0, 100_000)] public int DemoAddresses { get; set; } = 3000;
}

internal static class AddressFeatures
{
    /// <summary>Registers the address locator, its import and the demo address points.</summary>
    public static IServiceCollection AddAddressFeatures(this IServiceCollection services)
    {
        services.AddOptions<DemoAddressOptions>()
            .BindConfiguration(ServiceRequestsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<AddressLocator>();
        services.AddScoped<AddressImport>();
        services.AddScoped<DemoAddresses>();
        services.AddScoped<IDemoDataContributor, DemoAddressesContributor>();
        return services;
    }
}
