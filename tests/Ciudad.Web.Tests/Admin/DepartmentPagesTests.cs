using System.Net;
using System.Text.Json;
using Ciudad.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Web.Tests.Admin;

public sealed class DepartmentPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static string UniqueSlug() => "water-" + Guid.NewGuid().ToString("N")[..8];

    [Theory, BothDatabases]
    public async Task Creating_a_department_confirms_it_lists_it_and_audits_it(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, person) = await app.SignedInAdministratorAsync();
        var slug = UniqueSlug();

        var form = await admin.GetAsync("/Admin/Departments/Create");
        var created = await admin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Slug"] = slug,
            ["Input.NameEn"] = "Water Utilities",
            ["Input.NameEs"] = "Servicios de Agua",
            ["Input.ContactEmail"] = "water@elpasotexas.gov",
        });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Matches("^/Admin/Departments/Edit/[0-9]+$", created.Url.AbsolutePath);
        Assert.Equal("The department Water Utilities was added.", created.Confirmation());
        var id = created.Url.AbsolutePath.Split('/')[^1];
        var audit = Assert.Single(await app.AuditAsync("department.created", id));
        Assert.Equal(person.Email, audit.ActorEmail);
        Assert.Null(audit.BeforeJson);
        Assert.Equal(slug, JsonDocument.Parse(audit.AfterJson!).RootElement.GetProperty("slug").GetString());

        var list = await admin.GetAsync("/Admin/Departments?status=active");
        Assert.Contains(list.FindAll("table tbody th a"), a => a.TextContent == "Water Utilities");
    }

    [Theory, BothDatabases]
    public async Task Invalid_department_is_refused_with_400_and_every_problem_listed(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();

        var form = await admin.GetAsync("/Admin/Departments/Create");
        var page = await admin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Slug"] = "Not A Slug",
            ["Input.NameEn"] = "",
            ["Input.NameEs"] = "Algo",
            ["Input.ContactEmail"] = "not-an-email",
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.Contains("The short name can only use lowercase letters, numbers and single hyphens between them, like streets-and-maintenance", page.Errors);
        Assert.Contains("Enter the name in English", page.Errors);
        Assert.Contains("Enter the contact email in the right format, like streets@elpasotexas.gov", page.Errors);
        Assert.Equal("#Input-Slug", page.Find(".ciudad-error-summary a")!.GetAttribute("href"));

        var duplicate = await admin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Slug"] = "fire",
            ["Input.NameEn"] = "Fire again",
            ["Input.NameEs"] = "Bomberos otra vez",
            ["Input.ContactEmail"] = "fire2@elpasotexas.gov",
        });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(["Another department already uses this short name. Choose a different one"], duplicate.Errors);
    }

    [Theory, BothDatabases]
    public async Task Editing_a_department_records_before_and_after(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();
        var form = await admin.GetAsync("/Admin/Departments/Create");
        var slug = UniqueSlug();
        var created = await admin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Slug"] = slug, ["Input.NameEn"] = "Airport", ["Input.NameEs"] = "Aeropuerto", ["Input.ContactEmail"] = "airport@elpasotexas.gov",
        });
        var id = created.Url.AbsolutePath.Split('/')[^1];

        var saved = await admin.SubmitAsync(created, new Dictionary<string, string>
        {
            ["Input.NameEn"] = "El Paso International Airport",
            ["Input.IsActive"] = "false",
        }, buttonText: "Save changes");

        Assert.Equal("Your changes to El Paso International Airport were saved.", saved.Confirmation());
        var audit = Assert.Single(await app.AuditAsync("department.updated", id));
        var before = JsonDocument.Parse(audit.BeforeJson!).RootElement;
        var after = JsonDocument.Parse(audit.AfterJson!).RootElement;
        Assert.Equal("Airport", before.GetProperty("name").GetProperty("en").GetString());
        Assert.True(before.GetProperty("isActive").GetBoolean());
        Assert.Equal("El Paso International Airport", after.GetProperty("name").GetProperty("en").GetString());
        Assert.False(after.GetProperty("isActive").GetBoolean());

        var inactive = await admin.GetAsync("/Admin/Departments?status=inactive");
        Assert.Contains(inactive.FindAll("table tbody th a"), a => a.TextContent == "El Paso International Airport");
        var active = await admin.GetAsync("/Admin/Departments?status=active");
        Assert.DoesNotContain(active.FindAll("table tbody th a"), a => a.TextContent == "El Paso International Airport");
    }

    [Theory, BothDatabases]
    public async Task Members_can_be_promoted_and_removed_from_the_department_page(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();
        var agent = await app.CreateStaffAsync(StaffRoles.Agent, "library");
        var library = await app.DepartmentIdAsync("library");

        var page = await admin.GetAsync($"/Admin/Departments/Edit/{library}");
        var row = page.FindAll("table tbody tr").Single(r => r.TextContent.Contains(agent.Email, StringComparison.Ordinal));
        Assert.Contains("Agent", row.TextContent, StringComparison.Ordinal);

        var promoted = await admin.SubmitAsync(page, formSelector: $"form:has(input[name=userId][value='{agent.Id}']):has(input[name=role])");
        Assert.Equal($"{agent.Email} is now department manager in this department.", promoted.Confirmation());
        Assert.Equal(Ciudad.Platform.Departments.DepartmentRole.Manager, await app.WithDbAsync(d =>
            d.DepartmentMembers.Where(m => m.UserId == agent.Id && m.DepartmentId == library).Select(m => m.Role).SingleAsync()));
        Assert.NotEmpty(await app.AuditAsync("staff.role-changed", agent.Id));

        var removed = await admin.SubmitAsync(promoted, formSelector: $"form[action*='handler=Remove']:has(input[value='{agent.Id}'])");
        Assert.Equal($"{agent.Email} was removed from Library.", removed.Confirmation());
        Assert.False(await app.WithDbAsync(d => d.DepartmentMembers.AnyAsync(m => m.UserId == agent.Id && m.DepartmentId == library)));
        Assert.Single(await app.AuditAsync("staff.removed-from-department", agent.Id));
    }

    [Fact]
    public async Task The_list_sorts_by_name_both_ways_and_shows_member_counts_in_spanish()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var (admin, _) = await app.SignedInAdministratorAsync("es");

        var ascending = await admin.GetAsync("/Admin/Departments?sort=name");
        var descending = await admin.GetAsync("/Admin/Departments?sort=-name");

        var names = ascending.FindAll("table tbody th a").Select(a => a.TextContent).ToList();
        Assert.Equal("Departamentos", ascending.H1);
        Assert.Equal(names.Order(StringComparer.Create(new System.Globalization.CultureInfo("es-US"), true)), names);
        Assert.Equal(Enumerable.Reverse(names), descending.FindAll("table tbody th a").Select(a => a.TextContent));
        Assert.Contains("Bomberos", names);
        Assert.Equal("ascending", ascending.Find("th[aria-sort]")!.GetAttribute("aria-sort"));
        Assert.All(ascending.FindAll("table tbody tr"), r => Assert.Matches("^[0-9]+$", r.Children[^1].TextContent.Trim()));
    }
}
