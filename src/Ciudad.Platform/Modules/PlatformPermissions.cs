using Ciudad.Platform.Identity;

namespace Ciudad.Platform.Modules;

/// <summary>The platform's own permissions: running the city's Ciudad (administration pages).</summary>
public static class PlatformPermissions
{
    public const string Administer = "platform.administer";
    public const string ManageDepartments = "platform.departments.manage";
    public const string ManageStaff = "platform.staff.manage";
    public const string ReadAudit = "platform.audit.read";
    public const string Operate = "platform.operations.manage";

    private static readonly string[] AdministratorsOnly = [StaffRoles.Administrator];

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(Administer, "Permissions.Platform.Administer", AdministratorsOnly),
        new(ManageDepartments, "Permissions.Platform.Departments", AdministratorsOnly),
        new(ManageStaff, "Permissions.Platform.Staff", AdministratorsOnly),
        new(ReadAudit, "Permissions.Platform.Audit", AdministratorsOnly),
        new(Operate, "Permissions.Platform.Operations", AdministratorsOnly),
    ];
}
