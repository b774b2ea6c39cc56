namespace Ciudad.Platform.Identity;

/// <summary>
/// Staff roles. <see cref="Administrator"/> is global (an Identity role); Agent and
/// DepartmentManager are held per department through <see cref="Departments.DepartmentMember"/>.
/// </summary>
public static class StaffRoles
{
    public const string Agent = "Agent";
    public const string DepartmentManager = "DepartmentManager";
    public const string Administrator = "Administrator";

    public static IReadOnlyList<string> All { get; } = [Agent, DepartmentManager, Administrator];
}

public static class CiudadClaims
{
    public const string Staff = "ciudad:staff";
    public const string Department = "ciudad:department";
    public const string ManagedDepartment = "ciudad:managed-department";
    public const string Culture = "ciudad:culture";

    /// <summary>Present when the person has enrolled an authenticator app.</summary>
    public const string MfaEnrolled = "ciudad:mfa-enrolled";
}

public static class CiudadPolicies
{
    /// <summary>Anyone signed in (a resident's own account pages).</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Signed-in staff who have enrolled TOTP.</summary>
    public const string Staff = "Staff";
}
