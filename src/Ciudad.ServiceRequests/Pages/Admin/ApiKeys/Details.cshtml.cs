using Ciudad.ServiceRequests.Open311;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Admin.ApiKeys;

/// <summary>One key: what it is, when it was last used, and its rate limit (changeable while active).</summary>
internal sealed class DetailsModel(ApiKeyService keys, IStringLocalizer<ServiceRequestsModule> strings) : AdminPageModel
{
    [BindProperty] public ApiKeyLimitForm Input { get; set; } = new();

    public ApiKey Key { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await keys.FindAsync(id, cancellationToken) is not { } key)
        {
            return NotFound();
        }
        Key = key;
        Input.RequestsPerMinute = key.RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await keys.FindAsync(id, cancellationToken) is not { } key)
        {
            return NotFound();
        }
        Key = key;
        if (!key.IsActive)
        {
            ModelState.AddModelError("", strings["ApiKeys.Details.RevokedNoChange"]);
        }
        else if (ModelState.IsValid && Input.Limit() is null)
        {
            ModelState.AddModelError("Input.RequestsPerMinute", strings["ApiKeys.Limit.Invalid"]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        await keys.SetLimitAsync(key, Input.Limit()!.Value, cancellationToken);
        Confirmation = strings["ApiKeys.Details.LimitChanged", key.Name, key.RequestsPerMinute];
        return RedirectToPage(new { id });
    }
}
