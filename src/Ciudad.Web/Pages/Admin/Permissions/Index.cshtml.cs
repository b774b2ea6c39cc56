using Ciudad.Platform.Identity;
using Ciudad.Platform.Modules;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ciudad.Web.Pages.Admin.Permissions;

/// <summary>The role → permission matrix: which staff role may do what, per module, read-only (grants are declared in code next to each permission).</summary>
public sealed class IndexModel(ModuleCatalog modules) : PageModel
{
    public IReadOnlyList<string> Roles => StaffRoles.All;

    /// <summary>The platform's permissions first, then each module's, in the host's module order.</summary>
    public IReadOnlyList<(string Owner, IReadOnlyList<Permission> Permissions)> Groups { get; private set; } = [];

    public void OnGet()
    {
        Groups =
        [
            ("platform", PlatformPermissions.All),
            .. modules.Modules.Select(m => (m.Name, (IReadOnlyList<Permission>)[.. m.Permissions])).Where(g => g.Item2.Count > 0),
        ];
    }
}
