using System.Net;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Web.Tests.Admin;

public sealed class AuditPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Filters_by_action_prefix_actor_and_record_newest_first(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, me) = await app.SignedInAdministratorAsync();
        var agent = await app.CreateStaffAsync(StaffRoles.Agent, "library");
        var page = await admin.GetAsync($"/Admin/Staff/{agent.Id}");
        page = await admin.SubmitAsync(page, formSelector: "form[action*='handler=Deactivate']");
        await admin.SubmitAsync(page, formSelector: "form[action*='handler=Reactivate']");

        var filtered = await admin.GetAsync($"/Admin/Audit?Action=staff.&Actor={Uri.EscapeDataString(me.Email.ToUpperInvariant())}&EntityType=CiudadUser&EntityId={agent.Id}");

        var actions = filtered.FindAll("table tbody tr td code").Select(c => c.TextContent).Where(t => t.StartsWith("staff.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["staff.reactivated", "staff.deactivated"], actions);
        var details = filtered.Find("table tbody tr details")!;
        Assert.Contains("\"isDeactivated\": true", details.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"isDeactivated\": false", details.TextContent, StringComparison.Ordinal);

        var none = await admin.GetAsync($"/Admin/Audit?Action=department.&EntityId={agent.Id}");
        Assert.Empty(none.FindAll("table tbody tr"));
        Assert.Contains("No entries match.", none.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_read_in_words_in_the_administrators_language_with_the_code_beside_them()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var admin = await app.CreateStaffAsync(StaffRoles.Administrator, departmentSlug: null, culture: "es");
        using var session = app.NewSession("es-MX");
        await session.SignInAsync(admin);

        var page = await session.GetAsync($"/Admin/Audit?Action=account.signed-in&Actor={Uri.EscapeDataString(admin.Email)}");

        var cell = page.FindAll("table tbody tr td").First(td => td.QuerySelector("code")?.TextContent == "account.signed-in");
        Assert.Contains("Inició sesión", cell.TextContent, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Filters_by_el_paso_calendar_days(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();
        var marker = "test.dated-" + Guid.NewGuid().ToString("N")[..8];
        // 2026-03-10 23:30 in El Paso (MDT, UTC-6) is 2026-03-11 05:30 UTC: it belongs to March 10 here.
        await app.WithServicesAsync(async sp =>
        {
            var audit = sp.GetRequiredService<AuditLog>();
            var entry = audit.Record(marker, actor: AuditActor.System);
            entry.OccurredAt = new DateTimeOffset(2026, 3, 11, 5, 30, 0, TimeSpan.Zero);
            await sp.GetRequiredService<Ciudad.Platform.Data.CiudadDbContext>().SaveChangesAsync();
        });

        var onTheTenth = await admin.GetAsync($"/Admin/Audit?Action={marker}&From.Month=3&From.Day=10&From.Year=2026&To.Month=3&To.Day=10&To.Year=2026");
        var onTheEleventh = await admin.GetAsync($"/Admin/Audit?Action={marker}&From.Month=3&From.Day=11&From.Year=2026");
        var impossible = await admin.GetAsync("/Admin/Audit?From.Month=2&From.Day=30&From.Year=2026");
        var backwards = await admin.GetAsync("/Admin/Audit?From.Month=3&From.Day=11&From.Year=2026&To.Month=3&To.Day=10&To.Year=2026");

        Assert.Single(onTheTenth.FindAll("table tbody tr"));
        Assert.Empty(onTheEleventh.FindAll("table tbody tr"));
        Assert.Equal(HttpStatusCode.BadRequest, impossible.StatusCode);
        Assert.Equal(["The \"from\" date must be a real date, like 4 28 2026"], impossible.Errors);
        Assert.Equal(["The \"to\" date must be the same as or after the \"from\" date"], backwards.Errors);
    }

    [Theory, BothDatabases]
    public async Task Verify_chain_reports_intact_then_the_first_tampered_entry(TestDatabase db)
    {
        await using var app = await CiudadApp.StartAsync(db);
        var (admin, _) = await app.SignedInAdministratorAsync();

        var audit = await admin.GetAsync("/Admin/Audit");
        var intact = await admin.SubmitAsync(audit, formSelector: "form[action*='handler=Verify']");
        Assert.Equal("The audit log is intact", intact.Find(".usa-alert--success h2")!.TextContent);

        // Someone with full control of the database removes the append-only triggers and edits an old entry.
        var tampered = await app.WithDbAsync(async d =>
        {
            var victim = await d.AuditEntries.OrderBy(e => e.Sequence).Skip(1).Select(e => e.Sequence).FirstAsync();
            await d.Database.ExecuteSqlRawAsync(d.Database.IsNpgsql()
                ? "ALTER TABLE platform_audit_entries DISABLE TRIGGER USER"
                : "DROP TRIGGER platform_audit_entries_no_update; DROP TRIGGER platform_audit_entries_no_delete");
            await d.Database.ExecuteSqlInterpolatedAsync($"UPDATE platform_audit_entries SET actor_email = {"someone-else@example.test"} WHERE sequence = {victim}");
            return victim;
        });
        var broken = await admin.SubmitAsync(intact, formSelector: "form[action*='handler=Verify']");

        Assert.Equal("The audit log was tampered with", broken.Find(".usa-alert--error h2")!.TextContent);
        Assert.Contains($"The first broken entry is number {tampered}", broken.Find(".usa-alert--error")!.TextContent, StringComparison.Ordinal);
    }
}
