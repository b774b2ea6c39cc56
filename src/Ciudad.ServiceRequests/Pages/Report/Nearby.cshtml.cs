using Ciudad.ServiceRequests.Addresses;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Intake;
using Microsoft.AspNetCore.Mvc;

namespace Ciudad.ServiceRequests.Pages.Report;

/// <summary>
/// Between location and details, only when it applies: open requests of the same service close by,
/// so the resident can follow one instead of filing a duplicate.
/// </summary>
internal sealed class NearbyModel(ReportDrafts drafts, ServiceFinder finder, DuplicateFinder duplicates, AddressLocator addresses) : ReportPageModel(drafts)
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
        var at = draft.Latitude is { } lat && draft.Longitude is { } lon
            ? new GeoPoint(lat, lon)
            : (await addresses.PlaceAsync(draft.Address, draft.Zipcode, HttpContext.RequestAborted)).Point;
        if (at is { } point)
        {
            Requests = await duplicates.FindAsync(service.Code, point, HttpContext.RequestAborted);
        }
        // Nothing close (any more): this step has nothing to ask.
        return Requests.Count == 0 ? Redirect("/report/details") : Page();
    }
}
