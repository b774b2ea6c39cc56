using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Identity;
using Ciudad.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Ciudad.Web.Pages.Account.Manage;

/// <summary>The profile: the name we greet the person by and the language of pages and emails.</summary>
public sealed class ProfileModel(
    UserManager<CiudadUser> users,
    SignInManager<CiudadUser> signIn,
    SignInCompletion completion,
    AuditLog audit) : AccountPageModel
{
    [BindProperty] public ProfileInput Input { get; set; } = new();

    public string Email { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Show(user);
        Input.DisplayName = user.DisplayName;
        Input.PreferredCulture = user.PreferredCulture;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            Show(user);
            return Invalid();
        }
        var before = new { user.DisplayName, user.PreferredCulture };
        user.DisplayName = string.IsNullOrWhiteSpace(Input.DisplayName) ? null : Input.DisplayName.Trim();
        user.PreferredCulture = SupportedCultures.Normalize(Input.PreferredCulture);
        audit.Record("account.profile-updated", nameof(CiudadUser), user.Id, before, new { user.DisplayName, user.PreferredCulture });
        await users.UpdateAsync(user);
        CultureSelection.Remember(Response, user.PreferredCulture, completion.SecureCookies);
        await signIn.RefreshSignInAsync(user);
        Confirm("Account.Manage.Profile.Saved");
        return RedirectToPage();
    }

    private void Show(CiudadUser user)
    {
        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
    }
}

public sealed class ProfileInput
{
    [StringLength(100, ErrorMessage = "Account.DisplayName.TooLong")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Account.Language.Required")]
    [RegularExpression("^(en|es)$", ErrorMessage = "Account.Language.Required")]
    public string PreferredCulture { get; set; } = SupportedCultures.Default;
}
