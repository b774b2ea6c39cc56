using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Web.Pages.Staff;

/// <summary>
/// Staff home. Memberships come from the database rather than the cookie's claims, which may be
/// up to a minute old after an administrator's change.
/// </summary>
public sealed class IndexModel(CiudadDbContext db, UserManager<CiudadUser> users) : AdminPageModel
{
    public IReadOnlyList<DepartmentMember> Memberships { get; private set; } = [];
    public bool IsAdministrator { get; private set; }
    public string? Name { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return;
        }
        Name = user.DisplayName ?? user.Email;
        IsAdministrator = await users.IsInRoleAsync(user, StaffRoles.Administrator);
        var culture = StringCatalogCulture.Current;
        var memberships = await db.DepartmentMembers.AsNoTracking().Include(m => m.Department)
            .Where(m => m.UserId == user.Id).ToListAsync(cancellationToken);
        Memberships = memberships.OrderBy(m => m.Department!.Name[culture], StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}
