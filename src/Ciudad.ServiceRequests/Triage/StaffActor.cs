using System.Security.Claims;
using Ciudad.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Triage;

/// <summary>
/// The staff member acting: the principal (whose department claims decide access) and the name the
/// timeline shows to colleagues.
/// </summary>
internal sealed record StaffActor(ClaimsPrincipal Principal, string UserId, string Name)
{
    public bool CanWorkIn(int departmentId) => Platform.Identity.StaffAccess.CanWorkIn(Principal, departmentId);

    public bool CanManage(int departmentId) => Platform.Identity.StaffAccess.CanManage(Principal, departmentId);

    public bool IsAdministrator => Platform.Identity.StaffAccess.IsAdministrator(Principal);

    /// <summary>The departments the actor is a member of (administrators may have none and still work everywhere).</summary>
    public IReadOnlySet<int> DepartmentIds => Platform.Identity.StaffAccess.DepartmentIds(Principal);

    public IReadOnlySet<int> ManagedDepartmentIds =>
        Principal.FindAll(Platform.Identity.CiudadClaims.ManagedDepartment)
            .Select(c => int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
}

internal sealed class StaffActors(CiudadDbContext db)
{
    /// <summary>Null for a principal without an account (never the case on staff pages).</summary>
    public async Task<StaffActor?> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return null;
        }
        var name = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => u.DisplayName ?? u.Email ?? u.UserName).FirstOrDefaultAsync(cancellationToken);
        return name is null ? null : new StaffActor(principal, id, name);
    }
}
