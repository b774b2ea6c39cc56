namespace Ciudad.Platform.Modules;

/// <summary>
/// A named thing a staff member may do ("requests.triage"). Checks ask for permissions, never for
/// role names; which roles hold a permission is declared here, next to its definition, and shown to
/// administrators as the role → permission matrix. Department scoping
/// (<c>CanWorkIn</c>/<c>CanManage</c>) still applies on top: a permission says what, the
/// department says where.
/// </summary>
/// <param name="Name">module.area.action, lower case.</param>
/// <param name="DescriptionKey">String catalog key for the matrix page.</param>
/// <param name="GrantedTo">Staff roles (<see cref="Identity.StaffRoles"/>) that hold it.</param>
public sealed record Permission(string Name, string DescriptionKey, IReadOnlyList<string> GrantedTo)
{
    /// <summary>The policy name that asks for this permission (<c>[Authorize(Policy = ...)]</c>, <c>RequireAuthorization</c>).</summary>
    public string Policy => PolicyPrefix + Name;

    public const string PolicyPrefix = "permission:";

    public static string PolicyFor(string permission) => PolicyPrefix + permission;
}
