using Ciudad.ServiceRequests.Open311;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Admin.ApiKeys;

/// <summary>
/// Revoking asks first on a page of its own (not a script dialog), so the question is there with
/// JavaScript off too: clients using the key stop working at once.
/// </summary>
internal sealed class RevokeModel(ApiKeyService keys, IStringLocalizer<ServiceRequestsModule> strings) : AdminPageModel
{
    public ApiKey Key { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await keys.FindAsync(id, cancellationToken) is not { } key)
        {
            return NotFound();
        }
        if (!key.IsActive)
        {
            return RedirectToPage("Details", new { id });
        }
        Key = key;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await keys.FindAsync(id, cancellationToken) is not { } key)
        {
            return NotFound();
        }
        await keys.RevokeAsync(key, cancellationToken);
        Confirmation = strings["ApiKeys.Revoke.Done", key.Name];
        return RedirectToPage("Details", new { id });
    }
}
