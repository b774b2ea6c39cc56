using System.Text.Json;
using System.Text.Json.Nodes;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Web.Pages.Account.Manage;

/// <summary>
/// "Download my data": everything the platform holds about the person, as JSON. Secrets that protect
/// the account (password hash, security stamp, authenticator key, recovery codes) are never included.
/// </summary>
public sealed class PersonalDataModel(UserManager<CiudadUser> users, CiudadDbContext db, AuditLog audit,
    IEnumerable<IPersonalDataContributor> modules, TimeProvider clock) : AccountPageModel
{
    // A file for the person to read, not HTML: keep accents and quotes legible.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var memberships = await db.DepartmentMembers.AsNoTracking()
            .Where(m => m.UserId == user.Id)
            .Select(m => new { m.Department!.Name, m.Role, m.AddedAt })
            .ToListAsync();
        var membershipRows = memberships.Select(m => new { department = m.Name["en"], departmentEs = m.Name["es"], role = m.Role.ToString(), m.AddedAt });
        var activity = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ActorUserId == user.Id)
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.OccurredAt, e.Action, e.EntityType, e.EntityId, e.IpAddress, e.BeforeJson, e.AfterJson })
            .ToListAsync();
        var passkeys = (await users.GetPasskeysAsync(user)).Select(p => new { p.Name, p.CreatedAt });
        // Each module's part (311: the person's requests and follows), under its own name.
        var person = PersonalDataSubject.From(user);
        var moduleData = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            moduleData[module.Section] = await module.ExportAsync(person, HttpContext.RequestAborted);
        }
        var data = new
        {
            exportedAt = clock.GetUtcNow(),
            profile = new
            {
                user.Id,
                user.Email,
                user.EmailConfirmed,
                user.DisplayName,
                user.PreferredCulture,
                user.CreatedAt,
                user.IsStaff,
                user.IsDeactivated,
                user.PhoneNumber,
                user.TwoFactorEnabled,
                roles = await users.GetRolesAsync(user),
            },
            departmentMemberships = membershipRows,
            passkeys,
            activity = activity.Select(e => new
            {
                e.OccurredAt, e.Action, e.EntityType, e.EntityId, e.IpAddress,
                before = e.BeforeJson is null ? null : JsonNode.Parse(e.BeforeJson),
                after = e.AfterJson is null ? null : JsonNode.Parse(e.AfterJson),
            }),
            modules = moduleData,
        };
        await audit.RecordNowAsync("account.personal-data-downloaded", nameof(CiudadUser), user.Id);
        return File(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json", "my-data.json");
    }
}
