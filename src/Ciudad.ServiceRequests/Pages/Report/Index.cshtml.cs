using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Intake;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ciudad.ServiceRequests.Pages.Report;

/// <summary>Step 1: choose the service, by group or by searching names and keywords in either language.</summary>
internal sealed class ChooseServiceModel(ServiceFinder finder) : PageModel
{
    public const int MaxSearchLength = 100;

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    public IReadOnlyList<IGrouping<string, Service>> Groups { get; private set; } = [];
    public IReadOnlyList<Service>? Results { get; private set; }

    public async Task OnGetAsync()
    {
        var culture = ReportPageModel.Culture;
        var services = await finder.ActiveServicesAsync(HttpContext.RequestAborted);
        Groups = services.GroupBy(s => s.Group[culture]).ToList();
        Search = Search?.Trim();
        if (!string.IsNullOrEmpty(Search))
        {
            Search = Search.Length > MaxSearchLength ? Search[..MaxSearchLength] : Search;
            Results = ServiceFinder.Search(services, Search);
        }
    }

    public static string LocationLink(Service service) => $"/report/location?service={Uri.EscapeDataString(service.Code)}";
}
