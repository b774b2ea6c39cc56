using Ciudad.Platform.Audit;
using Ciudad.Platform.Email;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace Ciudad.Web.Pages.Account;

/// <summary>The link from the ConfirmEmailChange email, opened from the new mailbox.</summary>
public sealed class ConfirmEmailChangeModel(
    UserManager<CiudadUser> users,
    SignInManager<CiudadUser> signIn,
    Emails emails,
    AuditLog audit) : AccountPageModel
{
    public enum Outcome { Changed, Invalid, AddressTaken }

    public Outcome Result { get; private set; } = Outcome.Invalid;

    public async Task OnGetAsync(string? userId, string? email, string? code)
    {
        var token = AccountTokens.Decode(code);
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null || string.IsNullOrWhiteSpace(email))
        {
            return;
        }
        if (string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            Result = Outcome.Changed; // opened twice
            return;
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            Result = Outcome.AddressTaken;
            return;
        }
        var oldEmail = user.Email!;
        var changed = await users.ChangeEmailAsync(user, email, token);
        if (!changed.Succeeded)
        {
            return;
        }
        // The user name is the address: sign-in uses whichever the person remembers, and they are one.
        emails.Queue(oldEmail, user.PreferredCulture, "EmailChanged", email);
        audit.Record("account.email-changed", nameof(CiudadUser), user.Id, new { email = oldEmail }, new { email }, ActorFor(user));
        await users.SetUserNameAsync(user, email);
        Result = Outcome.Changed;
        if (users.GetUserId(User) == user.Id)
        {
            await signIn.RefreshSignInAsync(user);
        }
    }
}
