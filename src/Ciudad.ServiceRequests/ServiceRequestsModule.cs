using Ciudad.Platform.Modules;
using Ciudad.Platform.Seeding;
using Ciudad.ServiceRequests.Addresses;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.CommandLine;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Intake;
using Ciudad.ServiceRequests.Open311;
using Ciudad.ServiceRequests.Photos;
using Ciudad.ServiceRequests.Privacy;
using Ciudad.ServiceRequests.Seeding;
using Ciudad.ServiceRequests.Sla;
using Ciudad.ServiceRequests.Triage;
using Ciudad.ServiceRequests.Tracking;
using Ciudad.ServiceRequests.Workflow;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests;

/// <summary>
/// 311 service requests and the Open311 GeoReport v2 API: the resident's journey and tracking
/// pages, the staff queue and dashboard, the catalog and API key administration, the Open311
/// endpoints, the SLA job, demo data and the module's command-line verbs.
/// </summary>
public sealed class ServiceRequestsModule : CiudadModule
{
    public override string Name => "service-requests";

    public override string TablePrefix => "sr_";

    public override IEnumerable<Permission> Permissions => ServiceRequestPermissions.All;

    public override IEnumerable<NavigationEntry> Navigation =>
    [
        new(NavigationArea.Public, "Shell.Nav.Report", "/report", Order: 100),
        new(NavigationArea.Public, "Shell.Nav.Requests", "/requests", Order: 110),
        new(NavigationArea.Home, "Home.Report.Heading", "/report", DescriptionKey: "Home.Report.Body", LinkTextKey: "Shell.Nav.Report", Order: 100)
        {
            MoreLinks = [new("Home.Report.Track", "/requests")],
        },
        new(NavigationArea.Account, "Track.Mine.Title", "/requests/mine", Order: 100),
        new(NavigationArea.Staff, "Triage.Home.Link", "/Staff/Requests", ServiceRequestPermissions.Triage, Order: 100),
        new(NavigationArea.Staff, "Addresses.Unmatched.Link", "/Staff/Requests/Unmatched", ServiceRequestPermissions.Triage, Order: 105),
        new(NavigationArea.Staff, "Dashboard.Link", "/Staff/Dashboard", ServiceRequestPermissions.ViewDashboard, Order: 110),
        new(NavigationArea.Admin, "Catalog.Home.Heading", "/Admin/Catalog", ServiceRequestPermissions.ManageCatalog, "Catalog.Home.Body", "Catalog.Home.Link", Order: 300),
        new(NavigationArea.Admin, "ApiKeys.Home.Heading", "/Admin/ApiKeys", ServiceRequestPermissions.ManageApiKeys, "ApiKeys.Home.Body", "ApiKeys.Home.Link", Order: 310),
    ];

    public override IEnumerable<ModuleVerb> CreateVerbs() => [new ApiKeyCreateVerb(), new SynthesizeRequestsVerb(), new ImportAddressesVerb()];

    public override void AddServices(IHostApplicationBuilder builder)
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
        services.AddScoped<IDemoDataContributor, ResponseTemplateDemoData>();
        services.AddScoped<Platform.Privacy.IPersonalDataContributor, RequestPersonalData>();

        services.AddCatalogFeatures();
        services.AddIntakeFeatures();
        services.AddTrackingFeatures();
        services.AddTriageFeatures();
        services.AddSlaFeatures();
        services.AddOpen311Features();
        services.AddDemoRequestFeatures();
        services.AddAddressFeatures();
    }

    public override void ConfigurePages(PageConventionCollection pages)
    {
        // The resident's side: reporting and tracking are open to everyone; "my requests" needs an account.
        pages.AllowAnonymousToFolder("/Report");
        foreach (var page in new[] { "/Requests/Index", "/Requests/Map", "/Requests/Track", "/Requests/Reopen", "/Requests/Unsubscribe", "/Requests/ConfirmFollow" })
        {
            pages.AllowAnonymousToPage(page);
        }
        pages.AuthorizePage("/Requests/Mine", Platform.Identity.CiudadPolicies.SignedIn);
        pages.AuthorizeFolder("/Staff/Requests", Permission.PolicyFor(ServiceRequestPermissions.Triage));
        pages.AuthorizeFolder("/Staff/Dashboard", Permission.PolicyFor(ServiceRequestPermissions.ViewDashboard));
        pages.AuthorizeFolder("/Admin/Catalog", Permission.PolicyFor(ServiceRequestPermissions.ManageCatalog));
        pages.AuthorizeFolder("/Admin/ApiKeys", Permission.PolicyFor(ServiceRequestPermissions.ManageApiKeys));
    }

    public override void UseEarlyMiddleware(IApplicationBuilder app) => app.UseOpen311EdgeErrors();

    public override IEnumerable<string> ImageOrigins(IServiceProvider services)
    {
        var origin = MapTiles.Origin(services.GetRequiredService<IOptions<ServiceRequestsOptions>>().Value.MapTileUrl);
        return origin is null ? [] : [origin];
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTrackingEndpoints();
        endpoints.MapOpen311();
        endpoints.MapAddressEndpoints();
    }
}
