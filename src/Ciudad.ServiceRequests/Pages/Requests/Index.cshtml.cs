using System.Security.Claims;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Tracking;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Requests;

/// <summary>
/// Recent public requests with filters, and "find a request by number": a number that exists goes
/// straight to its page; one that does not is explained here, answered 404 (400 when it cannot be a number).
/// </summary>
internal sealed class IndexModel(PublicRequests requests, CityGeography geography, IStringLocalizer<ServiceRequestsModule> strings)
    : RequestListPageModel(requests, geography, strings)
{
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Number is not null)
        {
            var canonical = RequestNumbers.Normalize(Number);
            if (canonical is not null && await Requests.FindAsync(canonical, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken) is not null)
            {
                return Redirect(RequestLinks.Track(canonical));
            }
            ModelState.AddModelError(nameof(Number), Strings[canonical is null ? "Track.Find.Invalid" : "Track.Find.NotFound", Number.Trim()]);
            Response.StatusCode = canonical is null ? StatusCodes.Status400BadRequest : StatusCodes.Status404NotFound;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }
}
