using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Intake;
using Microsoft.AspNetCore.Mvc;

namespace Ciudad.ServiceRequests.Pages.Report;

/// <summary>
/// Between location and details, only when it applies: open requests of the same service close by,
/// so the resident can follow one instead of filing a duplicate.
/// </summary>
internal sealed class NearbyModel(ReportDrafts drafts, ServiceFinder finder, DuplicateFinder duplicates) : ReportPageModel(drafts)
{
    public Service Service { get; private set; } = default!;
    public IReadOnlyList<NearbyRequest> Requests { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RequireStepAsync(d => d.LocationSaved) is { } elsewhere)
        {
            return elsewhere;
        }
        var draft = Draft!;
        var service = await finder.FindActiveAsync(draft.ServiceCode, HttpContext.RequestAborted);
        if (service is null)
        {
            return Redirect("/report");
        }
        Service = service;
        if (draft.Latitude is { } lat && draft.Longitude is { } lon)
        {
            Requests = await duplicates.FindAsync(service.Code, new GeoPoint(lat, lon), HttpContext.RequestAborted);
        }
        // Nothing close (any more): this step has nothing to ask.
        return Requests.Count == 0 ? Redirect("/report/details") : Page();
    }
}
