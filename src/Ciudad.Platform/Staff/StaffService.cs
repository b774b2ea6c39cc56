using System.Security.Cryptography;
using System.Text;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Email;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Platform.Staff;

public enum InvitationOutcome
{
    Accepted,
    NotFound,
    Expired,
    AlreadyAccepted,
    PasswordRejected,
}

public sealed record InvitationAcceptance(InvitationOutcome Outcome, CiudadUser? User, IEnumerable<IdentityError> PasswordErrors);

/// <summary>Staff lifecycle: invitation by email, acceptance, role changes, deactivation. All audited.</summary>
public sealed class StaffService(
    CiudadDbContext db,
    UserManager<CiudadUser> users,
    AuditLog audit,
    Emails emails,
    StringCatalog strings,
    TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    /// <summary>
    /// Invites a person by email. An existing account (a resident who also works for the city) is
    /// reused; otherwise an account without a password is created and completed on acceptance.
    /// </summary>
    public async Task<StaffInvitation> InviteAsync(string email, int? departmentId, string role, string invitedByUserId, string culture, CancellationToken cancellationToken = default)
    {
        if (!StaffRoles.All.Contains(role))
        {
            throw new ArgumentException($"Unknown staff role '{role}'.", nameof(role));
        }
        if (role != StaffRoles.Administrator && departmentId is null)
        {
            throw new ArgumentException("Agents and department managers belong to a department.", nameof(departmentId));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new CiudadUser { UserName = email, Email = email, PreferredCulture = SupportedCultures.Normalize(culture), CreatedAt = clock.GetUtcNow() };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }

        var token = NewToken();
        var invitation = new StaffInvitation
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            DepartmentId = departmentId,
            Role = role,
            TokenHash = HashToken(token),
            InvitedByUserId = invitedByUserId,
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = clock.GetUtcNow() + InvitationLifetime,
        };
        db.StaffInvitations.Add(invitation);
        var departmentName = departmentId is null
            ? null
            : (await db.Departments.Where(d => d.Id == departmentId).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken))?[user.PreferredCulture];
        emails.Queue(email, user.PreferredCulture, "StaffInvitation",
            emails.Link($"/Staff/Invitation?token={Uri.EscapeDataString(token)}"), departmentName ?? "—",
            strings.Get(user.PreferredCulture, $"Email.Role.{role}"));
        audit.Record("staff.invited", nameof(CiudadUser), user.Id, after: new { email, departmentId, role, invitation.ExpiresAt });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return invitation;
    }

    public async Task<StaffInvitation?> FindOpenInvitationAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = HashToken(token);
        return await db.StaffInvitations.Include(i => i.Department).FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
    }

    /// <summary>
    /// Accepts an invitation. A person without a password chooses one here, and the language they
    /// read the invitation in (<paramref name="pageCulture"/>) becomes their account's: the
    /// administrator only guessed it. An existing account keeps the language its owner chose.
    /// </summary>
    public async Task<InvitationAcceptance> AcceptAsync(string token, string? newPassword, string? pageCulture = null, CancellationToken cancellationToken = default)
    {
        var invitation = await FindOpenInvitationAsync(token, cancellationToken);
        if (invitation is null)
        {
            return new(InvitationOutcome.NotFound, null, []);
        }
        if (invitation.AcceptedAt is not null)
        {
            return new(InvitationOutcome.AlreadyAccepted, null, []);
        }
        if (invitation.ExpiresAt < clock.GetUtcNow())
        {
            return new(InvitationOutcome.Expired, null, []);
        }
        var user = await users.FindByIdAsync(invitation.UserId) ?? throw new InvalidOperationException("Invited user vanished.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await users.HasPasswordAsync(user))
        {
            var added = await users.AddPasswordAsync(user, newPassword ?? "");
            if (!added.Succeeded)
            {
                return new(InvitationOutcome.PasswordRejected, user, added.Errors);
            }
            if (pageCulture is not null)
            {
                user.PreferredCulture = SupportedCultures.Normalize(pageCulture);
            }
        }
        user.EmailConfirmed = true; // the emailed token proves the address
        user.IsStaff = true;
        user.IsDeactivated = false;
        await GrantAsync(user, invitation.DepartmentId, invitation.Role, cancellationToken);
        invitation.AcceptedAt = clock.GetUtcNow();
        await users.UpdateSecurityStampAsync(user);
        audit.Record("staff.invitation-accepted", nameof(CiudadUser), user.Id,
            after: new { invitation.DepartmentId, invitation.Role }, actor: new AuditActor(user.Id, user.Email, null));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(InvitationOutcome.Accepted, user, []);
    }

    /// <summary>Sets a person's role in one department (or makes them an administrator).</summary>
    public async Task SetRoleAsync(CiudadUser user, int? departmentId, string role, CancellationToken cancellationToken = default)
    {
        var before = await DescribeAsync(user, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await GrantAsync(user, departmentId, role, cancellationToken);
        await users.UpdateSecurityStampAsync(user);
        audit.Record("staff.role-changed", nameof(CiudadUser), user.Id, before, await DescribeAsync(user, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RemoveFromDepartmentAsync(CiudadUser user, int departmentId, CancellationToken cancellationToken = default)
    {
        var before = await DescribeAsync(user, cancellationToken);
        await db.DepartmentMembers.Where(m => m.UserId == user.Id && m.DepartmentId == departmentId).ExecuteDeleteAsync(cancellationToken);
        await users.UpdateSecurityStampAsync(user);
        audit.Record("staff.removed-from-department", nameof(CiudadUser), user.Id, before, await DescribeAsync(user, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RevokeAdministratorAsync(CiudadUser user, CancellationToken cancellationToken = default)
    {
        await EnsureNotLastAdministratorAsync(user, cancellationToken);
        var before = await DescribeAsync(user, cancellationToken);
        await users.RemoveFromRoleAsync(user, StaffRoles.Administrator);
        audit.Record("staff.role-changed", nameof(CiudadUser), user.Id, before, await DescribeAsync(user, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deactivated staff cannot sign in; their history stays.</summary>
    public async Task SetDeactivatedAsync(CiudadUser user, bool deactivated, CancellationToken cancellationToken = default)
    {
        if (deactivated)
        {
            await EnsureNotLastAdministratorAsync(user, cancellationToken);
            // An open invitation would otherwise let a deactivated person reactivate themselves by accepting it.
            await db.StaffInvitations.Where(i => i.UserId == user.Id && i.AcceptedAt == null && i.ExpiresAt > clock.GetUtcNow())
                .ForEachAsync(i => i.ExpiresAt = clock.GetUtcNow(), cancellationToken);
        }
        var before = new { user.IsDeactivated };
        user.IsDeactivated = deactivated;
        await users.SetLockoutEndDateAsync(user, deactivated ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(user);
        audit.Record(deactivated ? "staff.deactivated" : "staff.reactivated", nameof(CiudadUser), user.Id, before, new { user.IsDeactivated });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// True when this person is the only administrator who can still sign in: removing them would
    /// leave the city with nobody able to manage staff.
    /// </summary>
    public async Task<bool> IsLastActiveAdministratorAsync(CiudadUser user, CancellationToken cancellationToken = default)
    {
        if (user.IsDeactivated || !await users.IsInRoleAsync(user, StaffRoles.Administrator))
        {
            return false;
        }
        var administrators = await users.GetUsersInRoleAsync(StaffRoles.Administrator);
        cancellationToken.ThrowIfCancellationRequested();
        return !administrators.Any(a => a.Id != user.Id && !a.IsDeactivated);
    }

    private async Task EnsureNotLastAdministratorAsync(CiudadUser user, CancellationToken cancellationToken)
    {
        if (await IsLastActiveAdministratorAsync(user, cancellationToken))
        {
            throw new InvalidOperationException("The last active administrator cannot be removed or deactivated.");
        }
    }

    public async Task<object> DescribeAsync(CiudadUser user, CancellationToken cancellationToken = default)
    {
        var memberships = await db.DepartmentMembers.AsNoTracking().Where(m => m.UserId == user.Id)
            .OrderBy(m => m.DepartmentId).Select(m => new { m.DepartmentId, Role = m.Role.ToString() }).ToListAsync(cancellationToken);
        return new { administrator = await users.IsInRoleAsync(user, StaffRoles.Administrator), memberships };
    }

    private async Task GrantAsync(CiudadUser user, int? departmentId, string role, CancellationToken cancellationToken)
    {
        if (role == StaffRoles.Administrator)
        {
            if (!await users.IsInRoleAsync(user, StaffRoles.Administrator))
            {
                await users.AddToRoleAsync(user, StaffRoles.Administrator);
            }
            return;
        }
        var departmentRole = role == StaffRoles.DepartmentManager ? DepartmentRole.Manager : DepartmentRole.Agent;
        var membership = await db.DepartmentMembers.FirstOrDefaultAsync(m => m.UserId == user.Id && m.DepartmentId == departmentId, cancellationToken);
        if (membership is null)
        {
            db.DepartmentMembers.Add(new DepartmentMember { UserId = user.Id, DepartmentId = departmentId!.Value, Role = departmentRole, AddedAt = clock.GetUtcNow() });
        }
        else
        {
            membership.Role = departmentRole;
        }
    }

    private static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
