using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Tracking;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Requests;

/// <summary>
/// What the public list and the map share: the filters (a GET form, so results can be bookmarked
/// and shared), their choices, and one page of results — the map page keeps the list beside it.
/// </summary>
internal abstract class RequestListPageModel(PublicRequests requests, CityGeography geography, IStringLocalizer<ServiceRequestsModule> strings) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Service { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    /// <summary>From <c>?page=</c>, read by hand: model binding would take Razor Pages' own "page" route value.</summary>
    public int PageNumber => int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;

    public PublicRequestFilter Filter { get; private set; } = new();
    public ResultPage<PublicRequestSummary> Results { get; private set; } = new([], 1, PublicRequests.PageSize, 0);
    public IReadOnlyList<SelectListItem> Services { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Statuses { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Areas { get; private set; } = [];

    protected PublicRequests Requests => requests;
    protected IStringLocalizer<ServiceRequestsModule> Strings => strings;

    protected static string Culture => StringCatalogCulture.Current;

    /// <summary>The filters as a query string ("service=pothole&amp;area=central"), for links between list, map and feed.</summary>
    public string Query => Filter.ToQueryString();

    public string AreaName(string? code) => code is null ? "" : geography.FindArea(code)?.Name(Culture) ?? code;

    protected async Task LoadAsync(CancellationToken cancellationToken)
    {
        Filter = PublicRequestFilter.Read(Service, Status, Area, From, To);
        if (Filter.OutOfRange.Count > 0)
        {
            // The list still shows (without that date), with the field marked and the allowed range.
            foreach (var name in Filter.OutOfRange)
            {
                var field = name == "from" ? nameof(From) : nameof(To);
                ModelState.AddModelError(field, strings[$"Track.Filter.{field}.OutOfRange", FilterDates.EarliestText, FilterDates.LatestText]);
            }
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Results = await requests.ListAsync(Filter, PageNumber, cancellationToken);
        Services = (await requests.PublicServicesAsync(Culture, cancellationToken))
            .Select(s => new SelectListItem(s.Name[Culture], s.Code)).ToList();
        Statuses =
        [
            new SelectListItem(strings["Track.Filter.Status.Open"], "open"),
            new SelectListItem(strings["Track.Filter.Status.Closed"], "closed"),
            .. RequestStatuses.All.Select(s => new SelectListItem(strings[s.LabelKey()], s.ToString())),
        ];
        Areas = geography.Areas.Select(a => new SelectListItem(a.Name(Culture), a.Code)).ToList();
    }
}
