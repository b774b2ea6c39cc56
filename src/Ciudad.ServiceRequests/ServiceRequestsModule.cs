using System.Reflection;
using Ciudad.Platform.Seeding;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Intake;
using Ciudad.ServiceRequests.Open311;
using Ciudad.ServiceRequests.Photos;
using Ciudad.ServiceRequests.Seeding;
using Ciudad.ServiceRequests.Sla;
using Ciudad.ServiceRequests.Triage;
using Ciudad.ServiceRequests.Tracking;
using Ciudad.ServiceRequests.Workflow;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ciudad.ServiceRequests;

/// <summary>
/// 311 service requests and the Open311 GeoReport v2 API: the module's whole public surface.
/// Its pages live in the web host (they share its USWDS tag helpers); everything else is here.
/// </summary>
public static class ServiceRequestsModule
{
    public static Assembly Assembly => typeof(ServiceRequestsModule).Assembly;

    public static IHostApplicationBuilder AddServiceRequests(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ServiceRequestsOptions>()
            .Bind(builder.Configuration.GetSection(ServiceRequestsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<CityGeography>();
        services.AddSingleton<SlaCalendar>();
        services.AddSingleton<PhotoProcessor>();
        services.AddSingleton<PhotoBudget>();
        services.AddScoped<RequestIntake>();
        services.AddScoped<RequestFollowing>();
        services.AddScoped<RequestUpdates>();
        services.AddScoped<CatalogDemoData>();
        services.AddScoped<IDemoDataContributor, CatalogDemoDataContributor>();

        services.AddCatalogFeatures();
        services.AddIntakeFeatures();
        services.AddTrackingFeatures();
        services.AddTriageFeatures();
        services.AddSlaFeatures();
        services.AddOpen311Features();
        services.AddDemoRequestFeatures();
        return builder;
    }

    public static IEndpointRouteBuilder MapServiceRequests(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTrackingEndpoints();
        endpoints.MapOpen311();
        return endpoints;
    }
}
