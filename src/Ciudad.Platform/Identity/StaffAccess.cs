using System.Globalization;
using System.Security.Claims;

namespace Ciudad.Platform.Identity;

/// <summary>
/// The one place that answers "may this staff member act in this department?". Administrators act
/// everywhere; everyone else only in the departments they belong to.
/// </summary>
public static class StaffAccess
{
    public static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole(StaffRoles.Administrator);

    public static bool IsStaff(this ClaimsPrincipal user) => user.HasClaim(CiudadClaims.Staff, "true");

    public static IReadOnlySet<int> DepartmentIds(this ClaimsPrincipal user) =>
        user.FindAll(CiudadClaims.Department)
            .Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture))
            .ToHashSet();

    public static bool CanWorkIn(this ClaimsPrincipal user, int departmentId) =>
        user.IsAdministrator() || user.DepartmentIds().Contains(departmentId);

    public static bool CanManage(this ClaimsPrincipal user, int departmentId) =>
        user.IsAdministrator() ||
        user.HasClaim(CiudadClaims.ManagedDepartment, departmentId.ToString(CultureInfo.InvariantCulture));
}
