using System.Text;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

using Ciudad.Web.UI;

namespace Ciudad.Web.Pages.Account;

/// <summary>What every account page shares: the 400 answer, one-shot confirmations and the audit actor.</summary>
public abstract class AccountPageModel : PageModel
{
    /// <summary>An invalid post is answered with the form again, its errors and status 400.</summary>
    protected static PageResult Invalid() => new() { StatusCode = StatusCodes.Status400BadRequest };

    /// <summary>Shows <paramref name="key"/> as a success alert on the next page (see _StatusMessage).</summary>
    protected void Confirm(string key) => TempData[StatusMessage.TempDataKey] = key;

    /// <summary>
    /// The person an anonymous request acts for (registration, reset, sign-in): the request's own
    /// user is not signed in yet, so the audit entry names the account explicitly.
    /// </summary>
    protected AuditActor ActorFor(CiudadUser user) =>
        new(user.Id, user.Email, HttpContext.Connection.RemoteIpAddress?.ToString());

    protected string LocalOrHome(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";

    /// <summary>Identity's own messages are English only; ours are per error code, in both languages.</summary>
    protected static void AddErrors(ModelStateDictionary modelState, string field, IdentityResult result, IStringLocalizer strings)
    {
        foreach (var error in result.Errors)
        {
            var key = $"Account.Errors.{error.Code}";
            var text = strings[key];
            modelState.AddModelError(field, text.ResourceNotFound ? strings["Account.Errors.Generic"] : text);
        }
    }
}

/// <summary>Tokens travel in links; base64url keeps them intact through mail clients and query strings.</summary>
public static class AccountTokens
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

public static class LanguageChoices
{
    /// <summary>Each language is named in itself, so a person finds their own whatever the page's language.</summary>
    public static IReadOnlyList<SelectListItem> Items { get; } =
    [
        new("English", SupportedCultures.English),
        new("Español", SupportedCultures.Spanish),
    ];
}
