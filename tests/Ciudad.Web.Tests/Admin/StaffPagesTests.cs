using System.Net;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Web.Tests.Admin;

public sealed class StaffPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task The_staff_list_searches_filters_and_shows_authenticator_and_status(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();
        var manager = await app.CreateStaffAsync(StaffRoles.DepartmentManager, "parks-and-recreation");
        var agent = await app.CreateStaffAsync(StaffRoles.Agent, "parks-and-recreation", enrolMfa: false);
        var parks = await app.DepartmentIdAsync("parks-and-recreation");

        var byEmail = await admin.GetAsync($"/Admin/Staff?Email={Uri.EscapeDataString(manager.Email.Split('@')[0].ToUpperInvariant())}");
        var row = Assert.Single(byEmail.FindAll("table tbody tr"));
        Assert.Contains("Parks and Recreation — Department manager", row.TextContent, StringComparison.Ordinal);

        var managersOfParks = await admin.GetAsync($"/Admin/Staff?Department={parks}&Role=DepartmentManager");
        var emails = managersOfParks.FindAll("table tbody th a").Select(a => a.TextContent).ToList();
        Assert.Contains(manager.Email, emails);
        Assert.DoesNotContain(agent.Email, emails);

        var agentRow = (await admin.GetAsync($"/Admin/Staff?Email={Uri.EscapeDataString(agent.Email)}")).FindAll("table tbody tr").Single();
        var cells = agentRow.Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["No", "No", "Active"], cells[^3..]); // administrator, authenticator, status
    }

    [Fact]
    public async Task The_staff_list_paginates_and_keeps_its_filters()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var (admin, _) = await app.SignedInAdministratorAsync();
        for (var i = 0; i < 27; i++)
        {
            await app.CreateStaffAsync(StaffRoles.Agent, "purchasing", enrolMfa: false);
        }
        var purchasing = await app.DepartmentIdAsync("purchasing");

        var first = await admin.GetAsync($"/Admin/Staff?Department={purchasing}");
        var next = first.Find("nav.usa-pagination a.usa-pagination__next-page")!.GetAttribute("href")!;
        var second = await admin.GetAsync("/Admin/Staff" + System.Net.WebUtility.HtmlDecode(next));

        Assert.Equal(25, first.FindAll("table tbody tr").Length);
        Assert.Contains($"Department={purchasing}", next, StringComparison.Ordinal);
        Assert.Equal(2, second.FindAll("table tbody tr").Length);
        Assert.Equal("page", second.Find(".usa-pagination .usa-current")!.GetAttribute("aria-current"));
    }

    [Theory, BothDatabases]
    public async Task Inviting_needs_a_department_unless_administrator_and_confirms_the_email(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();
        var email = TestPeople.UniqueEmail("invitee");

        var form = await admin.GetAsync("/Admin/Staff/Invite");
        var refused = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = StaffRoles.Agent });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Choose a department for an agent or a department manager"], refused.Errors);

        var sent = await admin.SubmitAsync(refused, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = StaffRoles.Administrator, ["Input.Language"] = "es" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal($"Invitation sent to {email}.", sent.Confirmation());
        Assert.Contains("Invited, has not accepted yet", sent.Text, StringComparison.Ordinal);
        var message = await app.Mailbox.WaitForAsync(email);
        Assert.Contains("Administrador", message.TextBody, StringComparison.Ordinal); // the role, in the recipient's language
        Assert.Single(await app.AuditAsync("staff.invited", sent.Url.AbsolutePath.Split('/')[^1]));
    }

    [Theory, BothDatabases]
    public async Task An_administrator_cannot_deactivate_or_demote_themselves(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, me) = await app.SignedInAdministratorAsync();
        var page = await admin.GetAsync($"/Admin/Staff/{me.Id}");
        Assert.Null(page.Find("form[action*='handler=Deactivate']"));
        Assert.Null(page.Find("form[action*='handler=RevokeAdministrator']"));

        // Forged posts (the buttons are not offered) are refused too.
        var token = page.Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var deactivate = await admin.PostRawAsync($"/Admin/Staff/{me.Id}?handler=Deactivate", [new("__RequestVerificationToken", token)]);
        using var revoke = await admin.PostRawAsync($"/Admin/Staff/{me.Id}?handler=RevokeAdministrator", [new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.BadRequest, deactivate.StatusCode);
        Assert.Contains("You cannot deactivate yourself", await deactivate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, revoke.StatusCode);
        Assert.Contains("You cannot remove your own administrator role", await revoke.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CiudadUser>>();
            var user = await users.FindByIdAsync(me.Id);
            return !user!.IsDeactivated && await users.IsInRoleAsync(user, StaffRoles.Administrator);
        }));
    }

    [Theory, BothDatabases]
    public async Task A_person_page_grants_administrator_adds_to_a_department_and_deactivates(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();
        var agent = await app.CreateStaffAsync(StaffRoles.Agent, "fire");

        var page = await admin.GetAsync($"/Admin/Staff/{agent.Id}");
        var missing = await admin.SubmitAsync(page, formSelector: "form[action*='handler=AddToDepartment']");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Choose a department", missing.Errors);

        var police = await app.DepartmentIdAsync("police");
        var added = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Add.DepartmentId"] = police.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Add.Role"] = StaffRoles.DepartmentManager },
            "form[action*='handler=AddToDepartment']");
        Assert.Equal($"{agent.Email} was added to Police as department manager.", added.Confirmation());

        var granted = await admin.SubmitAsync(added, formSelector: "form[action*='handler=GrantAdministrator']");
        Assert.Equal($"{agent.Email} is now an administrator.", granted.Confirmation());

        var deactivated = await admin.SubmitAsync(granted, formSelector: "form[action*='handler=Deactivate']");
        Assert.Equal($"{agent.Email} was deactivated and can no longer sign in.", deactivated.Confirmation());
        Assert.Single(await app.AuditAsync("staff.deactivated", agent.Id));

        using var former = app.NewSession();
        var attempt = await former.SignInAsync(agent, "/Staff");
        Assert.NotEqual("/Staff", attempt.Url.AbsolutePath);
    }

    [Theory, BothDatabases]
    public async Task Bulk_deactivation_skips_the_administrator_doing_it(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, me) = await app.SignedInAdministratorAsync();
        var one = await app.CreateStaffAsync(StaffRoles.Agent, "sun-metro");
        var two = await app.CreateStaffAsync(StaffRoles.Agent, "sun-metro");
        var sunMetro = await app.DepartmentIdAsync("sun-metro");

        var list = await admin.GetAsync($"/Admin/Staff?Department={sunMetro}");
        var token = list.Find("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var response = await admin.PostRawAsync($"/Admin/Staff?handler=Bulk",
            [new("__RequestVerificationToken", token), new("Selected", one.Id), new("Selected", two.Id), new("Selected", me.Id),
             new("operation", "deactivate"), new("Department", sunMetro.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("page", "1")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await admin.GetAsync(response.Headers.Location!.ToString());

        Assert.Contains("People deactivated: 2.", after.Confirmation(), StringComparison.Ordinal);
        Assert.Contains(me.Email, after.Confirmation(), StringComparison.Ordinal);
        var deactivated = await app.WithDbAsync(d => d.Users.Where(u => u.IsDeactivated).Select(u => u.Id).ToListAsync());
        Assert.Contains(one.Id, deactivated);
        Assert.Contains(two.Id, deactivated);
        Assert.DoesNotContain(me.Id, deactivated);

        var none = await admin.SubmitAsync(after, new Dictionary<string, string> { ["operation"] = "deactivate" }, "form[action*='handler=Bulk']");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(["Select at least one person first"], none.Errors);
    }
}

/// <summary>The city always keeps an administrator who can sign in (own app: it changes who is administrator).</summary>
public sealed class LastAdministratorTests
{
    [Fact]
    public async Task The_last_active_administrator_cannot_be_demoted_or_deactivated()
    {
        await using var app = await CiudadApp.StartAsync(TestDatabase.Sqlite);
        var result = await app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CiudadUser>>();
            var staff = sp.GetRequiredService<StaffService>();
            var demo = (await users.GetUsersInRoleAsync(StaffRoles.Administrator)).Single();
            var last = await staff.IsLastActiveAdministratorAsync(demo);
            var revoke = await Record.ExceptionAsync(() => staff.RevokeAdministratorAsync(demo));
            var deactivate = await Record.ExceptionAsync(() => staff.SetDeactivatedAsync(demo, true));
            return (last, revoke, deactivate, stillAdmin: await users.IsInRoleAsync(demo, StaffRoles.Administrator), demo.IsDeactivated);
        });

        Assert.True(result.last);
        Assert.IsType<InvalidOperationException>(result.revoke);
        Assert.IsType<InvalidOperationException>(result.deactivate);
        Assert.True(result.stillAdmin);
        Assert.False(result.IsDeactivated);
    }
}
