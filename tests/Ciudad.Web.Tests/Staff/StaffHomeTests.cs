using System.Net;
using Ciudad.Platform.Identity;

namespace Ciudad.Web.Tests.Staff;

public sealed class StaffHomeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Staff_home_lists_the_persons_departments_and_role_in_their_language(TestDatabase db)
    {
        var app = await fixture.For(db);
        var manager = await app.CreateStaffAsync(StaffRoles.DepartmentManager, "animal-services", culture: "es");
        using var session = app.NewSession("es");
        await session.SignInAsync(manager);

        var home = await session.GetAsync("/Staff");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("Inicio del personal", home.H1);
        var row = Assert.Single(home.FindAll("table tbody tr"));
        Assert.Contains("Servicios de Animales", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Gerente de departamento", row.TextContent, StringComparison.Ordinal);
        Assert.Null(home.Find("main a[href='/Admin']"));
    }

    [Theory, BothDatabases]
    public async Task An_administrator_without_a_department_sees_the_empty_state_and_the_admin_links(TestDatabase db)
    {
        var app = await fixture.For(db);
        var admin = await app.CreateStaffAsync(StaffRoles.Administrator);
        using var session = app.NewSession("en-US");
        await session.SignInAsync(admin);

        var home = await session.GetAsync("/Staff");

        Assert.Equal("You are not in a department yet", home.Find(".usa-alert h2")!.TextContent);
        Assert.Empty(home.FindAll("table"));
        Assert.NotNull(home.Find("main a[href='/Admin']"));
    }
}
