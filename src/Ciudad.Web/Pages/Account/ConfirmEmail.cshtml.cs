using Ciudad.Platform.Audit;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace Ciudad.Web.Pages.Account;

/// <summary>The link from the ConfirmAccount email.</summary>
public sealed class ConfirmEmailModel(UserManager<CiudadUser> users, AuditLog audit) : AccountPageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = AccountTokens.Decode(code);
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null)
        {
            return;
        }
        if (user.EmailConfirmed)
        {
            // Opened twice (or pre-fetched by a mail scanner): the account is confirmed all the same.
            Confirmed = true;
            return;
        }
        var result = await users.ConfirmEmailAsync(user, token);
        if (result.Succeeded)
        {
            Confirmed = true;
            await audit.RecordNowAsync("account.email-confirmed", nameof(CiudadUser), user.Id,
                after: new { user.Email }, actor: ActorFor(user));
        }
    }
}
