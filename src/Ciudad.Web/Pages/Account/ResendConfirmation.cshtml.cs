using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Data;
using Ciudad.Platform.Email;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Ciudad.Web.Pages.Account;

/// <summary>Sends a new confirmation link. The answer is the same whether or not the address has an account.</summary>
public sealed class ResendConfirmationModel(UserManager<CiudadUser> users, CiudadDbContext db, Emails emails) : AccountPageModel
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
        if (user is { EmailConfirmed: false })
        {
            var token = AccountTokens.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
            emails.Queue(user.Email!, user.PreferredCulture, "ConfirmAccount",
                emails.Link($"/Account/ConfirmEmail?userId={Uri.EscapeDataString(user.Id)}&code={token}"));
            await db.SaveChangesAsync();
        }
        return RedirectToPage(new { sent = true });
    }
}

public sealed class EmailInput
{
    [Required(ErrorMessage = "Account.Email.Required")]
    [EmailAddress(ErrorMessage = "Account.Email.Format")]
    [StringLength(256, ErrorMessage = "Account.Email.TooLong")]
    public string Email { get; set; } = "";
}
