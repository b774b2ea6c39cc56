using System.Globalization;
using System.Security.Claims;
using Ciudad.Platform.Identity;

namespace Ciudad.Platform.Modules;

/// <summary>
/// The host's module list, resolved once: every module, permission (the platform's and the
/// modules'), grant and navigation entry. A duplicate name is a programming error and stops the start.
/// </summary>
public sealed class ModuleCatalog
{
    private readonly Dictionary<string, Permission> _permissions;

    public ModuleCatalog(IEnumerable<CiudadModule> modules)
    {
        Modules = [.. modules];
        Duplicates(Modules.Select(m => m.Name), "module name");
        Duplicates(Modules.Select(m => m.TablePrefix).Append("platform_"), "table prefix");
        Permissions = [.. PlatformPermissions.All, .. Modules.SelectMany(m => m.Permissions)];
        Duplicates(Permissions.Select(p => p.Name), "permission");
        foreach (var permission in Permissions)
        {
            var unknown = permission.GrantedTo.Except(StaffRoles.All).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException($"Permission {permission.Name} is granted to unknown role(s): {string.Join(", ", unknown)}.");
            }
        }
        _permissions = Permissions.ToDictionary(p => p.Name, StringComparer.Ordinal);
        Navigation = [.. Modules.SelectMany(m => m.Navigation).OrderBy(n => n.Order)];
        foreach (var entry in Navigation.Where(n => n.Permission is not null && !_permissions.ContainsKey(n.Permission)))
        {
            throw new InvalidOperationException($"Navigation entry {entry.Href} asks for unknown permission {entry.Permission}.");
        }
    }

    public IReadOnlyList<CiudadModule> Modules { get; }

    public IReadOnlyList<Permission> Permissions { get; }

    public IReadOnlyList<NavigationEntry> Navigation { get; }

    public bool IsDefined(string permission) => _permissions.ContainsKey(permission);

    /// <summary>
    /// Whether <paramref name="user"/> holds <paramref name="permission"/> through any of their roles:
    /// Administrator (an Identity role), DepartmentManager (manages at least one department), Agent
    /// (every staff member: their departments decide what they see). Unknown permissions are never held.
    /// </summary>
    public bool Allows(ClaimsPrincipal user, string permission)
    {
        if (!user.IsStaff() || !_permissions.TryGetValue(permission, out var definition))
        {
            return false;
        }
        return RolesOf(user).Any(definition.GrantedTo.Contains);
    }

    /// <summary>The navigation entries of one area this person may see.</summary>
    public IEnumerable<NavigationEntry> NavigationFor(NavigationArea area, ClaimsPrincipal user) =>
        Navigation.Where(n => n.Area == area && (n.Permission is null || Allows(user, n.Permission)));

    public static IEnumerable<string> RolesOf(ClaimsPrincipal user)
    {
        if (user.IsAdministrator())
        {
            yield return StaffRoles.Administrator;
        }
        if (user.HasClaim(c => c.Type == CiudadClaims.ManagedDepartment))
        {
            yield return StaffRoles.DepartmentManager;
        }
        if (user.IsStaff())
        {
            yield return StaffRoles.Agent;
        }
    }

    private static void Duplicates(IEnumerable<string> names, string what)
    {
        var twice = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The same {what} is used twice: {string.Join(", ", twice)}."));
        }
    }
}
