using Ciudad.Platform.Audit;
using Ciudad.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Web.Tests.Admin;

/// <summary>What the administration tests share: a signed-in administrator and a look at the audit log.</summary>
public static class AdminKit
{
    /// <summary>A new administrator (with an authenticator app), signed in through the real pages.</summary>
    public static async Task<(WebSession Session, TestPerson Person)> SignedInAdministratorAsync(this CiudadApp app, string culture = "en")
    {
        var person = await app.CreateStaffAsync(StaffRoles.Administrator, culture: culture);
        var session = app.NewSession(culture);
        await session.SignInAsync(person);
        return (session, person);
    }

    public static Task<List<AuditEntry>> AuditAsync(this CiudadApp app, string action, string? entityId = null) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == action && (entityId == null || e.EntityId == entityId))
            .OrderBy(e => e.Sequence).ToListAsync());

    /// <summary>The text of the success alert that confirms a post, if any.</summary>
    public static string? Confirmation(this HtmlPage page) =>
        page.Find(".usa-alert--success")?.TextContent.Trim();
}
