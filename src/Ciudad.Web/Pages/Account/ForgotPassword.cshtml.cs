using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Email;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Ciudad.Web.Pages.Account;

/// <summary>Emails a reset link. The answer never says whether the address has an account.</summary>
public sealed class ForgotPasswordModel(UserManager<CiudadUser> users, CiudadDbContext db, Emails emails, AuditLog audit) : AccountPageModel
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
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is not null)
        {
            emails.Queue(user.Email!, user.PreferredCulture, "ResetPassword", emails.Link(await ResetLinkAsync(users, user)));
            audit.Record("account.password-reset-requested", nameof(CiudadUser), user.Id, actor: ActorFor(user));
            await db.SaveChangesAsync();
        }
        return RedirectToPage(new { sent = true });
    }

    /// <summary>The same link shape as <c>ciudad create-admin</c> makes (the token URL-escaped).</summary>
    public static async Task<string> ResetLinkAsync(UserManager<CiudadUser> users, CiudadUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"/Account/ResetPassword?email={Uri.EscapeDataString(user.Email!)}&code={Uri.EscapeDataString(token)}";
    }
}
