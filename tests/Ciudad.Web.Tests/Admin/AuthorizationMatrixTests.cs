using System.Net;
using Ciudad.Platform.Identity;

namespace Ciudad.Web.Tests.Admin;

/// <summary>
/// Every staff and administration page against every kind of visitor. Administration is for
/// administrators only (department managers included out); staff without an authenticator app are
/// sent to set one up rather than refused.
/// </summary>
public sealed class AuthorizationMatrixTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private enum Expect
    {
        Ok,
        SignIn,
        Forbidden,
        Enrol,
        NotFound,
    }

    private static readonly string[] AdminRoutes =
    [
        "/Admin", "/Admin/Departments", "/Admin/Departments/Create", "/Admin/Departments/Edit/{department}",
        "/Admin/Staff", "/Admin/Staff/Invite", "/Admin/Staff/{person}", "/Admin/Audit", "/Admin/Mail", "/Admin/Outbox",
        "/Admin/Catalog", "/Admin/Catalog/Create", "/Admin/Catalog/Edit/{service}", "/Admin/Catalog/Edit/{service}/Questions",
        "/Admin/ApiKeys", "/Admin/ApiKeys/Create",
    ];

    // Staff pages every staff member may open (department scoping inside them is tested by their own matrices).
    private static readonly string[] StaffRoutes = ["/Staff", "/Staff/Requests", "/Staff/Dashboard"];

    [Theory, BothDatabases]
    public async Task Each_route_answers_each_kind_of_visitor_as_expected(TestDatabase db)
    {
        var app = await fixture.For(db);
        var department = await app.DepartmentIdAsync("streets-and-maintenance");
        var service = await app.WithDbAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            Ciudad.ServiceRequests.ServiceRequestsData.Services(d).Where(s => s.Code == "pothole").Select(s => s.Id)));
        var resident = await app.CreateResidentAsync();
        var agent = await app.CreateStaffAsync(StaffRoles.Agent);
        var manager = await app.CreateStaffAsync(StaffRoles.DepartmentManager);
        var administrator = await app.CreateStaffAsync(StaffRoles.Administrator);
        var agentWithoutMfa = await app.CreateStaffAsync(StaffRoles.Agent, enrolMfa: false);
        var administratorWithoutMfa = await app.CreateStaffAsync(StaffRoles.Administrator, enrolMfa: false);

        var visitors = new (string Name, TestPerson? Person, Expect Staff, Expect Admin)[]
        {
            ("anonymous", null, Expect.SignIn, Expect.SignIn),
            ("resident", resident, Expect.Forbidden, Expect.Forbidden),
            ("agent", agent, Expect.Ok, Expect.Forbidden),
            ("department manager", manager, Expect.Ok, Expect.Forbidden),
            ("administrator", administrator, Expect.Ok, Expect.Ok),
            ("agent without authenticator", agentWithoutMfa, Expect.Enrol, Expect.Enrol),
            ("administrator without authenticator", administratorWithoutMfa, Expect.Enrol, Expect.Enrol),
        };
        var failures = new List<string>();
        foreach (var (name, person, staffExpectation, adminExpectation) in visitors)
        {
            using var session = app.NewSession("en-US");
            if (person is not null)
            {
                await session.SignInAsync(person);
            }
            var routes = AdminRoutes.Select(r => (Route: r, Expected: adminExpectation))
                .Concat(StaffRoutes.Select(r => (Route: r, Expected: staffExpectation)))
                .Append(("/Admin/Mail/no-such-message.eml", adminExpectation == Expect.Ok ? Expect.NotFound : adminExpectation));
            foreach (var (template, expected) in routes)
            {
                var route = template.Replace("{department}", department.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{person}", agent.Id, StringComparison.Ordinal)
                    .Replace("{service}", service.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
                using var response = await session.Client.GetAsync(new Uri(route, UriKind.Relative));
                var actual = Classify(response);
                if (actual != expected)
                {
                    failures.Add($"{name} GET {route}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_department_manager_is_told_plainly_that_administration_is_not_for_them()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var manager = await app.CreateStaffAsync(StaffRoles.DepartmentManager);
        using var session = app.NewSession("en-US");
        await session.SignInAsync(manager);

        var page = await session.GetAsync("/Admin/Staff");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal("You do not have access to this page", page.H1);
    }

    [Fact]
    public async Task Unknown_departments_and_people_are_not_found()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var (admin, _) = await app.SignedInAdministratorAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/Departments/Edit/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/Staff/no-such-person")).StatusCode);
    }

    [Fact]
    public async Task The_invitation_page_is_open_to_anyone_with_a_link()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        using var anonymous = app.NewSession();

        using var response = await anonymous.Client.GetAsync(new Uri("/Staff/Invitation?token=not-a-real-token", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode); // the page itself answering "no such invitation"
        Assert.Contains("could not find this invitation", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var (session, _) = await app.SignedInAdministratorAsync();

        using var response = await session.PostRawAsync("/Admin/Departments/Create", [new("Input.Slug", "forged"), new("Input.NameEn", "Forged"),
            new("Input.NameEs", "Falso"), new("Input.ContactEmail", "forged@example.test")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDbAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(d.Departments, x => x.Slug == "forged")));
    }

    private static Expect Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        return (int)response.StatusCode switch
        {
            200 => Expect.Ok,
            403 => Expect.Forbidden,
            // The cookie handler answers "access denied" by sending the person to the 403 page.
            302 when location.Contains("/Errors/403", StringComparison.Ordinal) => Expect.Forbidden,
            404 => Expect.NotFound,
            302 when location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) => Expect.SignIn,
            302 when location.Contains("/Account/Manage/TwoFactor", StringComparison.OrdinalIgnoreCase) && location.Contains("required=1", StringComparison.Ordinal) => Expect.Enrol,
            _ => (Expect)(-1),
        };
    }
}
