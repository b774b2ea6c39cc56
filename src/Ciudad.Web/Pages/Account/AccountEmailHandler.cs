using Ciudad.Platform.Audit;
using Ciudad.Platform.Email;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Outbox;
using Microsoft.AspNetCore.Identity;

namespace Ciudad.Web.Pages.Account;

/// <summary>What an anonymous visitor asked to be emailed: looked up later, off the request.</summary>
public sealed record AccountEmailRequest(string Kind, string Email, string? Address);

/// <summary>
/// Forgot password, resend confirmation and registration answer every address alike. Whether the
/// address has an account, and the token and email that follow, are worked out here, by the outbox
/// dispatcher after the request has been answered: the request itself does the same work (one outbox
/// message) for every address, so its timing cannot tell which ones have accounts.
/// </summary>
public sealed class AccountEmailHandler(UserManager<CiudadUser> users, Emails emails, AuditLog audit) : IOutboxHandler
{
    public const string MessageType = "account-email";
    public const string PasswordReset = "password-reset";
    public const string Confirmation = "confirmation";
    public const string AccountExists = "account-exists";

    public string Type => MessageType;

    /// <summary>Queues the question for the visitor's address (saved with the caller's unit of work).</summary>
    public static void Ask(Outbox outbox, HttpContext http, string kind, string email) =>
        outbox.Enqueue(MessageType, new AccountEmailRequest(kind, email, http.Connection.RemoteIpAddress?.ToString()));

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var request = Outbox.Read<AccountEmailRequest>(message);
        var user = await users.FindByEmailAsync(request.Email);
        if (user is null)
        {
            return; // nobody to tell; the visitor was told the same as everyone
        }
        var actor = new AuditActor(user.Id, user.Email, request.Address);
        switch (request.Kind)
        {
            case PasswordReset:
                emails.Queue(user.Email!, user.PreferredCulture, "ResetPassword", emails.Link(await ForgotPasswordModel.ResetLinkAsync(users, user)));
                audit.Record("account.password-reset-requested", nameof(CiudadUser), user.Id, actor: actor);
                break;
            case Confirmation when !user.EmailConfirmed:
                var token = AccountTokens.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
                emails.Queue(user.Email!, user.PreferredCulture, "ConfirmAccount",
                    emails.Link($"/Account/ConfirmEmail?userId={Uri.EscapeDataString(user.Id)}&code={token}"));
                break;
            case AccountExists:
                emails.Queue(user.Email!, user.PreferredCulture, "AccountExists",
                    emails.Link("/Account/Login"), emails.Link("/Account/ForgotPassword"));
                audit.Record("account.register-existing", nameof(CiudadUser), user.Id, actor: actor);
                break;
        }
    }
}
