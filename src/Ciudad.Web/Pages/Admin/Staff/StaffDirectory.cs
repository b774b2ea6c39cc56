using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Web.Pages.Admin.Staff;

public sealed record StaffRow(
    string Id,
    string Email,
    string? DisplayName,
    bool IsAdministrator,
    bool MfaEnrolled,
    bool IsDeactivated,
    IReadOnlyList<(Department Department, DepartmentRole Role)> Memberships);

/// <summary>Read-side queries over staff for the administration pages.</summary>
public sealed class StaffDirectory(CiudadDbContext db)
{
    public IQueryable<string> AdministratorIds() =>
        from userRole in db.UserRoles
        join role in db.Roles on userRole.RoleId equals role.Id
        where role.Name == StaffRoles.Administrator
        select userRole.UserId;

    /// <summary>Staff (and administrators) matching the filters, by email: one page (clamped to those that exist) and the total.</summary>
    public async Task<(IReadOnlyList<StaffRow> Rows, int Total, int Page)> SearchAsync(
        string? email, int? departmentId, string? role, int page, int pageSize, CancellationToken cancellationToken)
    {
        var administrators = AdministratorIds();
        var query = db.Users.AsNoTracking().Where(u => u.IsStaff || administrators.Contains(u.Id));
        if (!string.IsNullOrWhiteSpace(email))
        {
            var needle = email.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(needle));
        }
        if (departmentId is not null)
        {
            query = query.Where(u => db.DepartmentMembers.Any(m => m.UserId == u.Id && m.DepartmentId == departmentId));
        }
        query = role switch
        {
            StaffRoles.Administrator => query.Where(u => administrators.Contains(u.Id)),
            StaffRoles.DepartmentManager => query.Where(u => db.DepartmentMembers.Any(m => m.UserId == u.Id && m.Role == DepartmentRole.Manager
                && (departmentId == null || m.DepartmentId == departmentId))),
            StaffRoles.Agent => query.Where(u => db.DepartmentMembers.Any(m => m.UserId == u.Id && m.Role == DepartmentRole.Agent
                && (departmentId == null || m.DepartmentId == departmentId))),
            _ => query,
        };
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var users = await query.OrderBy(u => u.NormalizedEmail).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.TwoFactorEnabled, u.IsDeactivated })
            .ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var adminIds = await administrators.Where(id => ids.Contains(id)).ToListAsync(cancellationToken);
        var memberships = await db.DepartmentMembers.AsNoTracking().Include(m => m.Department)
            .Where(m => ids.Contains(m.UserId)).ToListAsync(cancellationToken);
        var rows = users.Select(u => new StaffRow(u.Id, u.Email ?? "", u.DisplayName, adminIds.Contains(u.Id), u.TwoFactorEnabled, u.IsDeactivated,
            memberships.Where(m => m.UserId == u.Id).Select(m => (m.Department!, m.Role)).ToList())).ToList();
        return (rows, total, page);
    }
}
