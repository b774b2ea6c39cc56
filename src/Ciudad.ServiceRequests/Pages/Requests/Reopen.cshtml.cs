using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Tracking;
using Ciudad.Web.UI;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Requests;

/// <summary>
/// "Is this fixed?" — the reporter reopens a closed request once, with a note. The signed-in
/// reporter sees the note form at once; anyone else proves they reported it by asking for a link
/// sent to the email address on the report (see <see cref="RequestReopening"/>).
/// </summary>
internal sealed class ReopenModel(PublicRequests requests, RequestReopening reopening, IStringLocalizer<ServiceRequestsModule> strings) : PageModel
{
    public PublicRequestDetails Details { get; private set; } = default!;
    public ReopenRefusal Refusal { get; private set; }
    public DateTimeOffset? Deadline { get; private set; }

    /// <summary>The visitor is the reporter: signed in as them, or holding a valid link.</summary>
    public bool IsReporter { get; private set; }

    /// <summary>A link was followed but has expired or belongs to an earlier closing.</summary>
    public bool LinkRejected { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty(SupportsGet = true)] public bool Sent { get; set; }

    public ReopenNoteInput Note { get; set; } = new();
    public ReopenEmailInput Confirm { get; set; } = new();

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        var canonical = RequestNumbers.Normalize(number);
        if (canonical is null || !await LoadAsync(canonical, cancellationToken))
        {
            return NotFound();
        }
        if (canonical != number)
        {
            return RedirectToPage(new { number = canonical, token = Token });
        }
        Confirm.Email = User.FindFirstValue(ClaimTypes.Email) ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken cancellationToken)
    {
        var canonical = RequestNumbers.Normalize(number);
        if (canonical is null || !await LoadAsync(canonical, cancellationToken))
        {
            return NotFound();
        }
        if (!await TryUpdateModelAsync(Note, nameof(Note)))
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        var refusal = await reopening.ReopenAsync(canonical, Note.Text, UserId, Token, cancellationToken);
        switch (refusal)
        {
            case ReopenRefusal.None:
                TempData[StatusMessage.TempDataKey] = "Track.Reopen.Done";
                return Redirect(RequestLinks.Track(canonical));
            case ReopenRefusal.NotReporter:
                ModelState.AddModelError("", strings["Track.Reopen.NotReporter"]);
                return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
            default:
                // Reopened or closed for good since the page was shown: the page now explains why.
                await LoadAsync(canonical, cancellationToken);
                return new PageResult { StatusCode = StatusCodes.Status409Conflict };
        }
    }

    public async Task<IActionResult> OnPostSendLinkAsync(string number, CancellationToken cancellationToken)
    {
        var canonical = RequestNumbers.Normalize(number);
        if (canonical is null || !await LoadAsync(canonical, cancellationToken))
        {
            return NotFound();
        }
        if (!await TryUpdateModelAsync(Confirm, nameof(Confirm)))
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        await reopening.SendLinkAsync(canonical, Confirm.Email, StringCatalogCulture.Current, cancellationToken);
        return RedirectToPage(new { number = canonical, sent = true });
    }

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        var details = await requests.FindAsync(number, UserId, cancellationToken);
        if (details is null)
        {
            return false;
        }
        Details = details;
        Refusal = reopening.Check(details);
        Deadline = details.ClosedAt is { } closedAt ? reopening.Deadline(closedAt) : null;
        var hasValidLink = reopening.LinkIsValid(number, details.ClosedAt, Token);
        LinkRejected = !string.IsNullOrEmpty(Token) && !hasValidLink;
        IsReporter = hasValidLink || await reopening.IsReporterAsync(number, UserId, cancellationToken);
        return true;
    }
}

internal sealed class ReopenNoteInput
{
    [Required(ErrorMessage = "Track.Reopen.Note.Required")]
    [StringLength(2000, ErrorMessage = "Track.Reopen.Note.TooLong")]
    public string Text { get; set; } = "";
}

internal sealed class ReopenEmailInput
{
    [Required(ErrorMessage = "Track.Reopen.Email.Required")]
    [EmailAddress(ErrorMessage = "Track.Follow.Email.Invalid")]
    [StringLength(256, ErrorMessage = "Track.Follow.Email.TooLong")]
    public string Email { get; set; } = "";
}
