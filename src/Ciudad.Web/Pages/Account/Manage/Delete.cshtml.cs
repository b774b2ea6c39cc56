using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Email;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.Pages.Account.Manage;

/// <summary>
/// A resident deletes their own account. Staff cannot: their accounts carry department work and
/// audit history, so an administrator deactivates them instead.
/// </summary>
public sealed class DeleteModel(
    UserManager<CiudadUser> users,
    SignInManager<CiudadUser> signIn,
    Emails emails,
    AuditLog audit,
    IEnumerable<IPersonalDataContributor> modules,
    IStringLocalizer<Program> strings) : AccountPageModel
{
    [BindProperty] public DeleteInput Input { get; set; } = new();

    public bool IsStaff { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        IsStaff = user.IsStaff;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        IsStaff = user.IsStaff;
        if (IsStaff)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (ModelState.IsValid && !await users.CheckPasswordAsync(user, Input.Password))
        {
            ModelState.AddModelError("Input.Password", strings["Account.Manage.Password.Wrong"]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        emails.Queue(user.Email!, user.PreferredCulture, "AccountDeleted");
        audit.Record("account.deleted", nameof(CiudadUser), user.Id, before: new { user.Email, user.DisplayName });
        // Each module takes the person's name off its records; DeleteAsync saves those changes
        // with the account's removal, so either both happen or neither does.
        var person = PersonalDataSubject.From(user);
        foreach (var module in modules)
        {
            await module.EraseAsync(person, HttpContext.RequestAborted);
        }
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            AddErrors(ModelState, "", deleted, strings);
            return Invalid();
        }
        await signIn.SignOutAsync();
        Confirm("Account.Delete.Done");
        return LocalRedirect("/");
    }
}

public sealed class DeleteInput
{
    [Required(ErrorMessage = "Account.Login.Password.Required")]
    [MaxLength(256, ErrorMessage = "Account.Password.TooLong")]
    public string Password { get; set; } = "";

    [Range(typeof(bool), "true", "true", ErrorMessage = "Account.Delete.Confirm.Required")]
    public bool Confirm { get; set; }
}
