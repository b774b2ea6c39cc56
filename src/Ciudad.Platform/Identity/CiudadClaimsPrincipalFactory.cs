using System.Globalization;
using System.Security.Claims;
using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciudad.Platform.Identity;

/// <summary>
/// Puts staff membership and language into the sign-in cookie so authorization needs no query per
/// request. Changes take effect when the security stamp is revalidated (see <see cref="PlatformModule"/>).
/// </summary>
public sealed class CiudadClaimsPrincipalFactory(
    UserManager<CiudadUser> users,
    RoleManager<CiudadRole> roles,
    IOptions<IdentityOptions> options,
    CiudadDbContext db)
    : UserClaimsPrincipalFactory<CiudadUser, CiudadRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CiudadUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CiudadClaims.Culture, user.PreferredCulture));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(CiudadClaims.MfaEnrolled, "true"));
        }
        if (user.IsStaff && !user.IsDeactivated)
        {
            identity.AddClaim(new Claim(CiudadClaims.Staff, "true"));
            var memberships = await db.DepartmentMembers.AsNoTracking()
                .Where(m => m.UserId == user.Id)
                .Select(m => new { m.DepartmentId, m.Role })
                .ToListAsync();
            foreach (var membership in memberships)
            {
                var id = membership.DepartmentId.ToString(CultureInfo.InvariantCulture);
                identity.AddClaim(new Claim(CiudadClaims.Department, id));
                if (membership.Role == DepartmentRole.Manager)
                {
                    identity.AddClaim(new Claim(CiudadClaims.ManagedDepartment, id));
                }
            }
        }
        return identity;
    }
}
