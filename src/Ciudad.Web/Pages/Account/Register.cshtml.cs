using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Outbox;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.Pages.Account;

/// <summary>
/// Creates a resident account. Whether or not the address already has an account, the visitor sees
/// the same "check your email" page: only the owner of the mailbox learns which it was. Both paths
/// hash the password once and queue one outbox message; the email (confirmation link, or "you already
/// have an account") is worked out by <see cref="AccountEmailHandler"/> after the answer.
/// </summary>
public sealed class RegisterModel(
    UserManager<CiudadUser> users,
    CiudadDbContext db,
    Outbox outbox,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<Program> strings) : AccountPageModel
{
    [BindProperty] public RegisterInput Input { get; set; } = new();

    public void OnGet() => Input.PreferredCulture = StringCatalog.CurrentCulture;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var email = Input.Email.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            await TellOwnerAsync(existing);
            return RedirectToPage("RegisterConfirmation");
        }

        var user = new CiudadUser
        {
            UserName = email,
            Email = email,
            DisplayName = string.IsNullOrWhiteSpace(Input.DisplayName) ? null : Input.DisplayName.Trim(),
            PreferredCulture = SupportedCultures.Normalize(Input.PreferredCulture),
            CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName") && await users.FindByEmailAsync(email) is { } raced)
            {
                await TellOwnerAsync(raced);
                return RedirectToPage("RegisterConfirmation");
            }
            AddErrors(ModelState, result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "Input.Password" : "Input.Email", result, strings);
            return Invalid();
        }

        AccountEmailHandler.Ask(outbox, HttpContext, AccountEmailHandler.Confirmation, email);
        audit.Record("account.registered", nameof(CiudadUser), user.Id,
            after: new { email, user.DisplayName, user.PreferredCulture }, actor: ActorFor(user));
        await db.SaveChangesAsync();
        return RedirectToPage("RegisterConfirmation");
    }

    /// <summary>
    /// The mailbox owner hears that someone tried to register. The password is hashed anyway, so the
    /// time taken does not tell an observer that the address was known. An unconfirmed account is not
    /// re-confirmed here: whoever created it chose its password, so its owner must reset it.
    /// </summary>
    private async Task TellOwnerAsync(CiudadUser owner)
    {
        users.PasswordHasher.HashPassword(owner, Input.Password);
        AccountEmailHandler.Ask(outbox, HttpContext, AccountEmailHandler.AccountExists, owner.Email!);
        await db.SaveChangesAsync();
    }
}

public sealed class RegisterInput
{
    [Required(ErrorMessage = "Account.Email.Required")]
    [EmailAddress(ErrorMessage = "Account.Email.Format")]
    [StringLength(256, ErrorMessage = "Account.Email.TooLong")]
    public string Email { get; set; } = "";

    [StringLength(100, ErrorMessage = "Account.DisplayName.TooLong")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Account.Password.Required")]
    [MinLength(12, ErrorMessage = "Account.Password.TooShort")]
    [MaxLength(256, ErrorMessage = "Account.Password.TooLong")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Account.ConfirmPassword.Required")]
    [Compare(nameof(Password), ErrorMessage = "Account.ConfirmPassword.Mismatch")]
    public string ConfirmPassword { get; set; } = "";

    [Required(ErrorMessage = "Account.Language.Required")]
    [RegularExpression("^(en|es)$", ErrorMessage = "Account.Language.Required")]
    public string PreferredCulture { get; set; } = SupportedCultures.Default;
}
