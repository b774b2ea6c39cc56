using Ciudad.ServiceRequests.Tracking;
using Ciudad.ServiceRequests.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ciudad.ServiceRequests.Pages.Requests;

/// <summary>
/// The link at the foot of every update email. Opening it only asks; the button unsubscribes —
/// mail scanners open links, and must not stop someone's updates by doing so.
/// </summary>
internal sealed class UnsubscribeModel(PublicRequests requests, RequestFollowing following) : PageModel
{
    private const string DoneKey = "Track.Unsubscribe.DoneFor";

    /// <summary>The request the link is for; null when the link is unknown or already used.</summary>
    public string? Number { get; private set; }

    /// <summary>Set after a successful unsubscribe (the token no longer exists then).</summary>
    public string? UnsubscribedFrom { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        UnsubscribedFrom = TempData[DoneKey] as string;
        if (UnsubscribedFrom is not null)
        {
            return Page();
        }
        Number = await requests.NumberForUnsubscribeTokenAsync(token, cancellationToken);
        return Number is null ? new PageResult { StatusCode = StatusCodes.Status404NotFound } : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var number = await requests.NumberForUnsubscribeTokenAsync(token, cancellationToken);
        if (number is null || !await following.UnsubscribeAsync(token, cancellationToken))
        {
            return new PageResult { StatusCode = StatusCodes.Status404NotFound };
        }
        TempData[DoneKey] = number;
        return RedirectToPage(new { token });
    }
}
