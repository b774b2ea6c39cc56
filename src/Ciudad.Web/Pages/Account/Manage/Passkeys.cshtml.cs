using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.Pages.Account.Manage;

/// <summary>
/// Passkeys (WebAuthn). Creating one needs the browser's credential API, so wwwroot/js/passkeys.js
/// asks for options, runs navigator.credentials.create and posts the result through the ordinary
/// form below; listing, renaming and deleting work without JavaScript.
/// </summary>
public sealed class PasskeysModel(
    UserManager<CiudadUser> users,
    SignInManager<CiudadUser> signIn,
    AuditLog audit,
    IStringLocalizer<Program> strings,
    ILogger<PasskeysModel> logger) : AccountPageModel
{
    // Named explicitly: two forms post to this page, and a form's fields must never bind to the other's model.
    [BindProperty(Name = "Input")] public AddPasskeyInput Input { get; set; } = new();

    [BindProperty(Name = "Rename")] public RenamePasskeyInput Rename { get; set; } = new();

    /// <summary>The passkey being renamed (from the list's "Rename" link).</summary>
    [BindProperty(SupportsGet = true, Name = "rename")] public string? RenameId { get; set; }

    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];

    public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt);

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await LoadAsync(user);
        if (RenameId is not null)
        {
            var renaming = Passkeys.FirstOrDefault(p => p.Id == RenameId);
            if (renaming is null)
            {
                return RedirectToPage();
            }
            Rename = new RenamePasskeyInput { Id = renaming.Id, Name = renaming.Name };
        }
        return Page();
    }

    /// <summary>Step one for the script: WebAuthn creation options (the challenge is kept by Identity).</summary>
    public async Task<IActionResult> OnPostCreationOptionsAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id,
            Name = user.Email ?? user.Id,
            DisplayName = user.DisplayName ?? user.Email ?? user.Id,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        ModelState.Remove("Rename.Id");
        ModelState.Remove("Rename.Name");
        if (ModelState.IsValid && string.IsNullOrEmpty(Input.CredentialJson))
        {
            ModelState.AddModelError("Input.Name", strings["Account.Passkeys.NeedsBrowser"]);
        }
        if (ModelState.IsValid)
        {
            var attestation = await AttestAsync(Input.CredentialJson!);
            if (attestation is null)
            {
                logger.LogWarning("Passkey not added for {UserId}: no ceremony was under way", user.Id);
            }
            else if (attestation.Succeeded)
            {
                attestation.Passkey.Name = Input.Name.Trim();
                audit.Record("account.passkey-added", nameof(CiudadUser), user.Id, after: new { name = attestation.Passkey.Name });
                var saved = await users.AddOrUpdatePasskeyAsync(user, attestation.Passkey);
                if (saved.Succeeded)
                {
                    await signIn.RefreshSignInAsync(user);
                    Confirm("Account.Passkeys.Saved");
                    return RedirectToPage();
                }
            }
            else
            {
                logger.LogWarning("Passkey not added for {UserId}: {Reason}", user.Id, attestation.Failure.Message);
            }
            ModelState.AddModelError("Input.Name", strings["Account.Passkeys.AddFailed"]);
        }
        await LoadAsync(user);
        return Invalid();
    }

    public async Task<IActionResult> OnPostRenameAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        ModelState.Remove("Input.Name");
        var passkey = await FindAsync(user, Rename.Id);
        if (passkey is null)
        {
            return RedirectToPage();
        }
        if (!ModelState.IsValid)
        {
            RenameId = Rename.Id;
            await LoadAsync(user);
            return Invalid();
        }
        var before = new { name = passkey.Name };
        passkey.Name = Rename.Name.Trim();
        audit.Record("account.passkey-renamed", nameof(CiudadUser), user.Id, before, new { name = passkey.Name });
        await users.AddOrUpdatePasskeyAsync(user, passkey);
        Confirm("Account.Passkeys.Renamed");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? id)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var passkey = await FindAsync(user, id);
        if (passkey is not null)
        {
            audit.Record("account.passkey-deleted", nameof(CiudadUser), user.Id, before: new { name = passkey.Name });
            await users.RemovePasskeyAsync(user, passkey.CredentialId);
            await signIn.RefreshSignInAsync(user);
            Confirm("Account.Passkeys.Deleted");
        }
        return RedirectToPage();
    }

    /// <summary>Null when no ceremony is under way (options expired, or a replayed post).</summary>
    private async Task<PasskeyAttestationResult?> AttestAsync(string credentialJson)
    {
        try
        {
            return await signIn.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private async Task<UserPasskeyInfo?> FindAsync(CiudadUser user, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }
        try
        {
            return await users.GetPasskeyAsync(user, WebEncoders.Base64UrlDecode(id));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private async Task LoadAsync(CiudadUser user)
    {
        var unnamed = strings["Account.Passkeys.Unnamed"].Value;
        Passkeys = [.. (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyRow(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? unnamed, p.CreatedAt))];
    }
}

public sealed class AddPasskeyInput
{
    [Required(ErrorMessage = "Account.Passkeys.Name.Required")]
    [StringLength(60, ErrorMessage = "Account.Passkeys.Name.TooLong")]
    public string Name { get; set; } = "";

    /// <summary>The browser's answer to navigator.credentials.create, as JSON (filled by passkeys.js).</summary>
    public string? CredentialJson { get; set; }
}

public sealed class RenamePasskeyInput
{
    public string Id { get; set; } = "";

    [Required(ErrorMessage = "Account.Passkeys.Name.Required")]
    [StringLength(60, ErrorMessage = "Account.Passkeys.Name.TooLong")]
    public string Name { get; set; } = "";
}
