using Microsoft.AspNetCore.Mvc;

namespace Ciudad.Web.Pages.Account.Manage;

/// <summary>Shows new recovery codes exactly once: they travel in one-shot TempData, never stored readable.</summary>
public sealed class RecoveryCodesModel : AccountPageModel
{
    public IReadOnlyList<string> Codes { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
    {
        if (TempData[TwoFactorModel.RecoveryCodesKey] is not string[] codes || codes.Length == 0)
        {
            return RedirectToPage("TwoFactor");
        }
        Codes = codes;
        return Page();
    }

    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/Account/Manage/TwoFactor";
}
