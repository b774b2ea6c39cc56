using Ciudad.ServiceRequests.Open311;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Pages.Admin.ApiKeys;

/// <summary>
/// Issues a key. The key is shown in the answer to the POST itself, not after a redirect: it never
/// travels in a cookie (TempData) or a URL, and once the page is left it is gone for good.
/// </summary>
internal sealed class CreateModel(ApiKeyService keys, IOptions<Open311Options> options, UserManager<Platform.Identity.CiudadUser> users, IStringLocalizer<ServiceRequestsModule> strings) : AdminPageModel
{
    [BindProperty] public ApiKeyIssueForm Input { get; set; } = new();

    /// <summary>Set only in the response that issued the key.</summary>
    public IssuedApiKey? Issued { get; private set; }

    public void OnGet() => Input.RequestsPerMinute = options.Value.DefaultRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && Input.Limit() is null)
        {
            ModelState.AddModelError("Input.RequestsPerMinute", strings["ApiKeys.Limit.Invalid"]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        Issued = await keys.CreateAsync(Input.Name!, Input.Limit()!.Value, users.GetUserId(User), cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
