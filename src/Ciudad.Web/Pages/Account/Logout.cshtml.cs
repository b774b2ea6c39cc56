using Ciudad.Platform.Audit;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Ciudad.Web.Pages.Account;

/// <summary>Signing out is a POST (a link could be triggered by another site); GET offers the button.</summary>
public sealed class LogoutModel(SignInManager<CiudadUser> signIn, AuditLog audit) : AccountPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            await audit.RecordNowAsync("account.signed-out", nameof(CiudadUser), userId);
            await signIn.SignOutAsync();
        }
        Confirm("Account.Logout.Done");
        return LocalRedirect("/");
    }
}
