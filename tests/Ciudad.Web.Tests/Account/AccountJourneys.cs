using Ciudad.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Ciudad.Web.Tests.Account;

/// <summary>Steps a person takes through the account pages, shared by the account tests.</summary>
internal static class AccountJourneys
{
    public const string Password = "a long enough passphrase";

    public static async Task<HtmlPage> RegisterAsync(this WebSession session, string email, string password = Password, string? culture = null, string? displayName = null)
    {
        var form = await session.GetAsync("/Account/Register");
        var values = new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        };
        if (culture is not null)
        {
            values["Input.PreferredCulture"] = culture;
        }
        if (displayName is not null)
        {
            values["Input.DisplayName"] = displayName;
        }
        return await session.SubmitAsync(form, values);
    }

    public static async Task<HtmlPage> SignInWithAsync(this WebSession session, string email, string password, string returnUrl = "/")
    {
        var form = await session.GetAsync($"/Account/Login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        return await session.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    public static async Task<HtmlPage> SignOutAsync(this WebSession session)
    {
        var page = await session.GetAsync("/Account/Logout");
        return await session.SubmitAsync(page);
    }

    public static bool IsSignedIn(this HtmlPage page) => page.Find("form[action='/Account/Logout']") is not null;

    public static Task<MimeMessage> EmailAsync(this CiudadApp app, string to, string subjectContains) =>
        app.Mailbox.WaitForAsync(to, m => m.Subject?.Contains(subjectContains, StringComparison.Ordinal) == true);

    public static Task<List<AuditEntry>> AuditAsync(this CiudadApp app, string action, string? entityId = null) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == action && (entityId == null || e.EntityId == entityId))
            .OrderBy(e => e.Sequence)
            .ToListAsync());

    public static Task<string> UserIdAsync(this CiudadApp app, string email)
    {
        var normalized = email.ToUpperInvariant();
        return app.WithDbAsync(db => db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleAsync());
    }
}
