using Ciudad.Platform.Identity;
using Ciudad.Platform.Modules;

namespace Ciudad.ServiceRequests;

/// <summary>What staff may do with 311. Department scoping (<c>CanWorkIn</c>/<c>CanManage</c>) still decides where.</summary>
public static class ServiceRequestPermissions
{
    /// <summary>Work the queue: read requests, update, note, assign, merge, use and manage templates (managers: their departments').</summary>
    public const string Triage = "requests.triage";

    /// <summary>See the 311 performance dashboard.</summary>
    public const string ViewDashboard = "requests.dashboard.view";

    /// <summary>Edit the service catalog and its Open311 questions.</summary>
    public const string ManageCatalog = "requests.catalog.manage";

    /// <summary>Issue and revoke Open311 API keys.</summary>
    public const string ManageApiKeys = "requests.apikeys.manage";

    internal static IReadOnlyList<Permission> All { get; } =
    [
        new(Triage, "Permissions.Requests.Triage", [StaffRoles.Agent, StaffRoles.DepartmentManager, StaffRoles.Administrator]),
        new(ViewDashboard, "Permissions.Requests.Dashboard", [StaffRoles.Agent, StaffRoles.DepartmentManager, StaffRoles.Administrator]),
        new(ManageCatalog, "Permissions.Requests.Catalog", [StaffRoles.Administrator]),
        new(ManageApiKeys, "Permissions.Requests.ApiKeys", [StaffRoles.Administrator]),
    ];
}
