using Ciudad.Platform.Identity;
using Ciudad.Platform.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Ciudad.Web.Infrastructure;

/// <summary>
/// Who may open the host's own pages. Every page has an explicit decision (anonymous, signed in,
/// staff, or a permission); a route test fails for a page that has none.
/// </summary>
public static class HostPageAuthorization
{
    /// <summary>Pages anyone may open: the front door, sign-in and registration, errors.</summary>
    private static readonly string[] PublicPages =
    [
        "/Index", "/Privacy", "/Accessibility", "/Culture", "/Errors/Index",
        "/Account/ConfirmEmail", "/Account/ConfirmEmailChange", "/Account/ForgotPassword", "/Account/Login",
        "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Logout", "/Account/Register",
        "/Account/RegisterConfirmation", "/Account/ResendConfirmation", "/Account/ResetPassword",
        "/Staff/Invitation",
    ];

    public static void Configure(PageConventionCollection pages)
    {
        foreach (var page in PublicPages)
        {
            pages.AllowAnonymousToPage(page);
        }
        pages.AuthorizeFolder("/Account/Manage", CiudadPolicies.SignedIn);
        pages.AuthorizeFolder("/Staff", CiudadPolicies.Staff);
        pages.AuthorizeFolder("/Admin", Permission.PolicyFor(PlatformPermissions.Administer));
        pages.AuthorizeFolder("/Admin/Departments", Permission.PolicyFor(PlatformPermissions.ManageDepartments));
        pages.AuthorizeFolder("/Admin/Staff", Permission.PolicyFor(PlatformPermissions.ManageStaff));
        pages.AuthorizeFolder("/Admin/Audit", Permission.PolicyFor(PlatformPermissions.ReadAudit));
        pages.AuthorizeFolder("/Admin/Mail", Permission.PolicyFor(PlatformPermissions.Operate));
        pages.AuthorizeFolder("/Admin/Outbox", Permission.PolicyFor(PlatformPermissions.Operate));
        pages.AuthorizeFolder("/Admin/Jobs", Permission.PolicyFor(PlatformPermissions.Operate));
    }
}
