using Ciudad.Platform.Data;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Ciudad.Web.Pages.Account;

/// <summary>
/// Emails a reset link. The answer never says whether the address has an account, and neither does
/// its timing: the request only queues the question, for any address (see <see cref="AccountEmailHandler"/>).
/// </summary>
public sealed class ForgotPasswordModel(CiudadDbContext db, Outbox outbox) : AccountPageModel
{
    [BindProperty] public EmailInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet(bool sent = false) => Sent = sent;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        AccountEmailHandler.Ask(outbox, HttpContext, AccountEmailHandler.PasswordReset, Input.Email.Trim());
        await db.SaveChangesAsync();
        return RedirectToPage(new { sent = true });
    }

    /// <summary>The same link shape as <c>ciudad create-admin</c> makes (the token URL-escaped).</summary>
    public static async Task<string> ResetLinkAsync(UserManager<CiudadUser> users, CiudadUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"/Account/ResetPassword?email={Uri.EscapeDataString(user.Email!)}&code={Uri.EscapeDataString(token)}";
    }
}
