using Ciudad.Platform.Audit;
using Ciudad.Platform.Email;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Seeding;
using Microsoft.AspNetCore.Identity;

namespace Ciudad.Platform.Staff;

/// <summary>
/// <c>ciudad create-admin --email</c>: makes (or promotes) an administrator and returns a one-time
/// link where they choose their password. No password is ever printed or stored in plain text.
/// </summary>
public sealed class AdministratorSetup(
    UserManager<CiudadUser> users,
    RoleManager<CiudadRole> roles,
    AuditLog audit,
    Emails emails,
    TimeProvider clock)
{
    public async Task<string> CreateAsync(string email, CancellationToken cancellationToken = default)
    {
        await DemoData.EnsureRolesAsync(roles);
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new CiudadUser { UserName = email, Email = email, EmailConfirmed = true, IsStaff = true, CreatedAt = clock.GetUtcNow() };
            Ensure(await users.CreateAsync(user));
        }
        else
        {
            user.IsStaff = true;
            user.EmailConfirmed = true;
            Ensure(await users.UpdateAsync(user));
            if (await users.HasPasswordAsync(user) && await users.CheckPasswordAsync(user, DemoData.AdminPassword))
            {
                // The README's password must not survive outside a developer's machine: the link is the way in.
                Ensure(await users.RemovePasswordAsync(user));
            }
        }
        if (!await users.IsInRoleAsync(user, StaffRoles.Administrator))
        {
            Ensure(await users.AddToRoleAsync(user, StaffRoles.Administrator));
        }
        await audit.RecordNowAsync("staff.administrator-created", nameof(CiudadUser), user.Id,
            after: new { email }, actor: new AuditActor(null, "command-line", null), cancellationToken: cancellationToken);

        // A password-reset token is single use (the security stamp changes once it is used).
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return emails.Link($"/Account/ResetPassword?email={Uri.EscapeDataString(email)}&code={Uri.EscapeDataString(token)}&setup=1");
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
