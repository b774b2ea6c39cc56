using Ciudad.Platform.Identity;
using Ciudad.Platform.Modules;

namespace Ciudad.Forms;

/// <summary>What staff may do with forms. Department scoping (<c>CanWorkIn</c>/<c>CanManage</c>) still decides which forms.</summary>
public static class FormsPermissions
{
    /// <summary>Create and edit drafts of their departments' forms; import PDFs; see the catalog and consolidation report.</summary>
    public const string Build = "forms.build";

    /// <summary>Publish and retire their departments' forms, and merge forms.</summary>
    public const string Publish = "forms.publish";

    /// <summary>Work their departments' inboxes: read, assign, ask for information, approve, reject, export.</summary>
    public const string Review = "forms.review";

    internal static IReadOnlyList<Permission> All { get; } =
    [
        new(Build, "Permissions.Forms.Build", [StaffRoles.DepartmentManager, StaffRoles.Administrator]),
        new(Publish, "Permissions.Forms.Publish", [StaffRoles.DepartmentManager, StaffRoles.Administrator]),
        new(Review, "Permissions.Forms.Review", [StaffRoles.Agent, StaffRoles.DepartmentManager, StaffRoles.Administrator]),
    ];
}
