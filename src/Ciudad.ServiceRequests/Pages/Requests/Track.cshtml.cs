using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Privacy;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Tracking;
using Ciudad.ServiceRequests.Workflow;
using Ciudad.Web.UI;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Pages.Requests;

/// <summary>
/// The public page of one request: status in plain words, dates, place (coarsened where the
/// service requires), photos, the public timeline, "Follow this request" and "Is this fixed?".
/// Requests of hidden services are not found, except by their signed-in reporter.
/// </summary>
internal sealed class TrackModel(PublicRequests requests, RequestReopening reopening, RequestFollowing following,
    UserManager<CiudadUser> users, IOptions<ServiceRequestsOptions> options, IStringLocalizer<ServiceRequestsModule> strings) : PageModel
{
    public PublicRequestDetails Details { get; private set; } = default!;
    public ReopenRefusal Reopen { get; private set; }
    public DateTimeOffset? ReopenDeadline { get; private set; }
    public ServiceRequestsOptions Map => options.Value;

    [BindProperty] public FollowInput Follow { get; set; } = new();

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        var canonical = RequestNumbers.Normalize(number);
        if (canonical is null || !await LoadAsync(canonical, cancellationToken))
        {
            // Still a 404 (for links and crawlers), but a page that helps: say so and offer the search.
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Partial("_UnknownRequest", canonical ?? "");
        }
        if (canonical != number)
        {
            return RedirectPermanent(RequestLinks.Track(canonical));
        }
        Follow.Email = User.FindFirstValue(ClaimTypes.Email) ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostFollowAsync(string number, CancellationToken cancellationToken)
    {
        var canonical = RequestNumbers.Normalize(number);
        if (canonical is null || !await LoadAsync(canonical, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        var person = await users.GetUserAsync(User) is { } user ? PersonalDataSubject.From(user) : null;
        var result = await following.FollowAsync(canonical, Follow.Email.Trim(), StringCatalogCulture.Current, person, cancellationToken);
        if (result == FollowResult.NotFollowable)
        {
            // Closed since the page was shown: nothing more will be sent.
            ModelState.AddModelError("", strings["Track.Follow.Closed"]);
            return new PageResult { StatusCode = StatusCodes.Status409Conflict };
        }
        TempData[StatusMessage.TempDataKey] = result == FollowResult.Following ? "Track.Follow.Confirmed" : "Track.Follow.CheckEmail";
        return Redirect(RequestLinks.Track(canonical));
    }

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        var details = await requests.FindAsync(number, UserId, cancellationToken);
        if (details is null)
        {
            return false;
        }
        Details = details;
        Reopen = reopening.Check(details);
        ReopenDeadline = details.ClosedAt is { } closedAt ? reopening.Deadline(closedAt) : null;
        return true;
    }
}

internal sealed class FollowInput
{
    [Required(ErrorMessage = "Track.Follow.Email.Required")]
    [EmailAddress(ErrorMessage = "Track.Follow.Email.Invalid")]
    [StringLength(256, ErrorMessage = "Track.Follow.Email.TooLong")]
    public string Email { get; set; } = "";
}
