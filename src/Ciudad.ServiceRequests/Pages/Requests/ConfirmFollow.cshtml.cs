using Ciudad.ServiceRequests.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ciudad.ServiceRequests.Pages.Requests;

/// <summary>
/// The link in the "confirm you want updates" email. Opening it only asks; the button confirms —
/// mail scanners open links, and must not sign an inbox up by doing so (the Unsubscribe page's rule).
/// </summary>
internal sealed class ConfirmFollowModel(RequestFollowing following) : PageModel
{
    private const string DoneKey = "Track.FollowConfirm.DoneFor";

    /// <summary>The follow the link belongs to; null when the link is unknown or already used.</summary>
    public PendingFollow? Pending { get; private set; }

    /// <summary>Set after confirming (the link no longer exists then).</summary>
    public string? ConfirmedFor { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        ConfirmedFor = TempData[DoneKey] as string;
        if (ConfirmedFor is not null)
        {
            return Page();
        }
        Pending = await following.FindPendingAsync(token, cancellationToken);
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var number = await following.ConfirmAsync(token, cancellationToken);
        if (number is null)
        {
            Pending = await following.FindPendingAsync(token, cancellationToken);
            return Answer();
        }
        TempData[DoneKey] = number;
        return RedirectToPage(new { token });
    }

    /// <summary>An unknown or used link is 404, an expired one 410; both pages say what to do next.</summary>
    private PageResult Answer() => Pending switch
    {
        null => new PageResult { StatusCode = StatusCodes.Status404NotFound },
        { Expired: true } => new PageResult { StatusCode = StatusCodes.Status410Gone },
        _ => Page(),
    };
}
