using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Privacy;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Report;

/// <summary>"Follow this one instead": updates about a neighbour's open request by email, instead of a duplicate report.</summary>
internal sealed class FollowModel(RequestFollowing following, UserManager<CiudadUser> users, IStringLocalizer<ServiceRequestsModule> strings) : PageModel
{
    [BindProperty] public FollowInput Input { get; set; } = new();

    public string Number { get; private set; } = "";

    /// <summary>What the last follow on this page led to, shown once after the redirect; null shows the form.</summary>
    public FollowResult? Followed { get; private set; }

    private const string FollowedKey = "Ciudad.Report.Followed";

    public async Task<IActionResult> OnGetAsync(string number)
    {
        if (RequestNumbers.Normalize(number) is not { } normalized)
        {
            return NotFound();
        }
        Number = normalized;
        // One-shot, so the confirmation is shown only right after following.
        if (TempData[FollowedKey] is string done && done.Split(':') is [var doneNumber, var result] && doneNumber == normalized
            && Enum.TryParse<FollowResult>(result, out var followed))
        {
            Followed = followed;
        }
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user)
        {
            Input.Email = user.Email ?? "";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string number)
    {
        if (RequestNumbers.Normalize(number) is not { } normalized)
        {
            return NotFound();
        }
        Number = normalized;
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        var person = User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user ? PersonalDataSubject.From(user) : null;
        var result = await following.FollowAsync(normalized, Input.Email.Trim(), ReportPageModel.Culture, person, HttpContext.RequestAborted);
        if (result == FollowResult.NotFollowable)
        {
            ModelState.AddModelError("Input.Email", strings["Report.Follow.Closed"]);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        TempData[FollowedKey] = $"{normalized}:{result}";
        return RedirectToPage(new { number = normalized });
    }
}

internal sealed class FollowInput
{
    [Required(ErrorMessage = "Report.Follow.Email.Required")]
    [EmailAddress(ErrorMessage = "Requests.Intake.EmailInvalid")]
    [StringLength(256, ErrorMessage = "Requests.Intake.EmailInvalid")]
    public string Email { get; set; } = "";
}
