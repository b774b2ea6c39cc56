using System.Security.Claims;
using Ciudad.ServiceRequests.Tracking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ciudad.Web.Pages.Requests;

/// <summary>"My requests": what the signed-in resident reported while signed in, and what they follow.</summary>
[Authorize]
public sealed class MineModel(PublicRequests requests) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<MyRequest> Results { get; private set; } = new([], 1, PublicRequests.PageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await requests.MineAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, PageNumber, cancellationToken);
}
