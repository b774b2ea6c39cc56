using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Data;
using Ciudad.Platform.Outbox;
using Microsoft.AspNetCore.Mvc;

namespace Ciudad.Web.Pages.Account;

/// <summary>
/// Sends a new confirmation link. The answer, and the work before it, is the same whether or not the
/// address has an account: the request only queues the question (see <see cref="AccountEmailHandler"/>).
/// </summary>
public sealed class ResendConfirmationModel(CiudadDbContext db, Outbox outbox) : AccountPageModel
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
        AccountEmailHandler.Ask(outbox, HttpContext, AccountEmailHandler.Confirmation, Input.Email.Trim());
        await db.SaveChangesAsync();
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
