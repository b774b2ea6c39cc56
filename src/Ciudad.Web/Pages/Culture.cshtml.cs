using Ciudad.Platform.Identity;
using Ciudad.Platform.Security;
using Ciudad.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Ciudad.Web.Pages;

/// <summary>
/// The language switch on every page: a small form, so it works without JavaScript. Remembered in a
/// cookie, and on the account of a signed-in person (so emails follow it too).
/// </summary>
public sealed class CultureModel(
    UserManager<CiudadUser> users,
    SignInManager<CiudadUser> signIn,
    IOptions<SecurityOptions> security) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        var chosen = SupportedCultures.Normalize(culture);
        CultureSelection.Remember(Response, chosen, security.Value.RequireHttps);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.PreferredCulture != chosen)
        {
            user.PreferredCulture = chosen;
            await users.UpdateAsync(user);
            await signIn.RefreshSignInAsync(user);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
