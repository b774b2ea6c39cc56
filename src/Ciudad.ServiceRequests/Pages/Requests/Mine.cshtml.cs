using Ciudad.Platform.Identity;
using Ciudad.Platform.Privacy;
using Ciudad.ServiceRequests.Tracking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ciudad.ServiceRequests.Pages.Requests;

/// <summary>
/// "My requests": what the signed-in resident reported (while signed in, or earlier with the address
/// they have since confirmed on their account) and what they follow.
/// </summary>
[Authorize(Policy = Ciudad.Platform.Identity.CiudadPolicies.SignedIn)]
internal sealed class MineModel(PublicRequests requests, UserManager<CiudadUser> users) : PageModel
{
    /// <summary>From <c>?page=</c>, read by hand: model binding would take Razor Pages' own "page" route value.</summary>
    public int PageNumber => int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;

    public ResultPage<MyRequest> Results { get; private set; } = new([], 1, PublicRequests.PageSize, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        Results = await requests.MineAsync(PersonalDataSubject.From(user), PageNumber, cancellationToken);
        return Page();
    }
}
