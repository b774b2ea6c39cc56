using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Tracking;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Pages.Requests;

/// <summary>
/// The public list's filtered results on a map. The markers come from /requests/map.json with the
/// same filters; without JavaScript the page is the list, which is always shown below the map.
/// </summary>
internal sealed class MapModel(PublicRequests requests, CityGeography geography, IStringLocalizer<ServiceRequestsModule> strings, IOptions<ServiceRequestsOptions> options)
    : RequestListPageModel(requests, geography, strings)
{
    public ServiceRequestsOptions Map => options.Value;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);
}
