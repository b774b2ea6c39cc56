using Ciudad.Platform.Identity;
using Ciudad.Platform.Localization;
using Ciudad.Platform.Staff;
using Ciudad.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.Pages.Staff;

public enum InvitationState
{
    Open,
    NotFound,
    Expired,
    AlreadyAccepted,
}

/// <summary>
/// Accepting a staff invitation (anonymous: the emailed token is the proof). A new account chooses
/// its password here. An existing account must be signed in first: the token alone proves the
/// mailbox, and must not become a way into an account that already has its own password.
/// </summary>
public sealed class InvitationModel(
    StaffService staff,
    UserManager<CiudadUser> users,
    SignInManager<CiudadUser> signIn,
    TimeProvider clock,
    StringCatalog catalog,
    Account.StaffEnrolmentPermit enrolment,
    IStringLocalizer<Program> strings) : AdminPageModel
{
    public const int MinimumPasswordLength = 12;

    public const string EnrolmentUrl = "/Account/Manage/TwoFactor?required=1&returnUrl=%2FStaff";

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public InvitationState State { get; private set; }
    public StaffInvitation? Invitation { get; private set; }
    public string InviteeEmail { get; private set; } = "";
    public bool NeedsPassword { get; private set; }
    public bool SignedInAsInvitee { get; private set; }
    public bool SignedInAsSomeoneElse { get; private set; }

    public string SignInUrl => "/Account/Login?returnUrl=" + Uri.EscapeDataString("/Staff/Invitation?token=" + Token);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return StatePage();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear(); // only the checks below apply; they depend on the account
        var invitee = await LoadAsync(cancellationToken);
        if (State != InvitationState.Open || invitee is null)
        {
            return StatePage();
        }
        if (!NeedsPassword && !SignedInAsInvitee)
        {
            ModelState.AddModelError("", strings["Staff.Invitation.SignInFirst", InviteeEmail]);
            return Invalid();
        }
        if (NeedsPassword)
        {
            if (string.IsNullOrEmpty(Password))
            {
                ModelState.AddModelError(nameof(Password), strings["Staff.Invitation.Password.Required"]);
            }
            else if (Password.Length < MinimumPasswordLength)
            {
                ModelState.AddModelError(nameof(Password), strings["Staff.Invitation.Password.Length", MinimumPasswordLength]);
            }
            else if (Password != ConfirmPassword)
            {
                ModelState.AddModelError(nameof(ConfirmPassword), strings["Staff.Invitation.Password.Mismatch"]);
            }
            if (!ModelState.IsValid)
            {
                return Invalid();
            }
        }

        var result = await staff.AcceptAsync(Token!, NeedsPassword ? Password : null, StringCatalogCulture.Current, cancellationToken);
        switch (result.Outcome)
        {
            case InvitationOutcome.Accepted:
                break;
            case InvitationOutcome.PasswordRejected:
                foreach (var error in result.PasswordErrors)
                {
                    ModelState.AddModelError(nameof(Password), error.Code == nameof(IdentityErrorDescriber.PasswordTooShort)
                        ? strings["Staff.Invitation.Password.Length", MinimumPasswordLength]
                        : strings["Staff.Invitation.Password.Rejected"]);
                }
                return Invalid();
            default:
                // Accepted or expired between the page load and this post.
                State = result.Outcome switch
                {
                    InvitationOutcome.Expired => InvitationState.Expired,
                    InvitationOutcome.AlreadyAccepted => InvitationState.AlreadyAccepted,
                    _ => InvitationState.NotFound,
                };
                return StatePage();
        }

        var user = result.User!;
        // The emailed token was opened here: this browser, and only it, may now enrol an authenticator.
        enrolment.Grant(Response, user);
        // Acceptance renewed the security stamp, so the person is signed in afresh either way.
        if (SignedInAsInvitee)
        {
            await signIn.RefreshSignInAsync(user);
        }
        else
        {
            await signIn.SignInAsync(user, isPersistent: false);
        }
        // The next pages speak the account's language unless this browser chose one with the switch.
        var nextCulture = Request.Cookies.ContainsKey(CultureSelection.CookieName) ? StringCatalogCulture.Current : user.PreferredCulture;
        Confirmation = catalog.Get(nextCulture, "Staff.Invitation.Accepted");
        return LocalRedirect(user.TwoFactorEnabled ? "/Staff" : EnrolmentUrl);
    }

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult StatePage()
    {
        var status = State switch
        {
            InvitationState.NotFound => StatusCodes.Status404NotFound,
            InvitationState.Expired => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
        return new Microsoft.AspNetCore.Mvc.RazorPages.PageResult { StatusCode = status };
    }

    private async Task<CiudadUser?> LoadAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Token) || Token.Length > 200)
        {
            State = InvitationState.NotFound;
            return null;
        }
        Invitation = await staff.FindOpenInvitationAsync(Token, cancellationToken);
        var invitee = Invitation is null ? null : await users.FindByIdAsync(Invitation.UserId);
        if (Invitation is null || invitee is null)
        {
            State = InvitationState.NotFound;
            return null;
        }
        InviteeEmail = invitee.Email ?? "";
        State = Invitation.AcceptedAt is not null ? InvitationState.AlreadyAccepted
            : Invitation.ExpiresAt < clock.GetUtcNow() ? InvitationState.Expired
            : InvitationState.Open;
        NeedsPassword = !await users.HasPasswordAsync(invitee);
        var currentUserId = users.GetUserId(User);
        SignedInAsInvitee = currentUserId == invitee.Id;
        SignedInAsSomeoneElse = currentUserId is not null && !SignedInAsInvitee;
        return invitee;
    }
}
