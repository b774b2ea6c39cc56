using System.Net;
using Ciudad.Platform.Identity;
using Ciudad.SampleModule;

namespace Ciudad.Web.Tests.Modules;

/// <summary>
/// The module contract end to end: a module in its own project, loaded by one line of
/// configuration, brings its page, strings in both languages, navigation entries, a permission the
/// matrix shows and that guards its staff page, an endpoint, and a job the jobs page lists.
/// </summary>
public sealed class SampleModuleTests
{
    private static readonly Dictionary<string, string?> WithSample = new() { ["Ciudad:Modules:Load:0"] = SampleModule.SampleModule.TypeName };

    [Theory, BothDatabases]
    public async Task A_module_brings_its_page_strings_navigation_permission_and_endpoint(TestDatabase db)
    {
        await using var app = await CiudadApp.StartAsync(db, WithSample);
        using var english = app.NewSession("en-US");
        using var spanish = app.NewSession("es-MX");

        var page = await english.GetAsync("/sample");
        var pagina = await spanish.GetAsync("/sample");
        var home = await english.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("The sample module", page.H1);
        Assert.Equal("El módulo de ejemplo", pagina.H1);
        Assert.Contains(home.FindAll("nav.usa-nav a"), a => a.GetAttribute("href") == "/sample" && a.TextContent.Trim() == "Sample");
        Assert.Equal("2", await english.Client.GetStringAsync(new Uri("/sample/count.txt", UriKind.Relative)));

        // The permission guards the staff page and the administration card; the matrix lists it.
        using var resident = app.NewSession("en-US");
        await resident.SignInAsync(await app.CreateResidentAsync());
        var refused = await resident.GetAsync("/sample/greetings");
        using var agentSession = app.NewSession("en-US");
        await agentSession.SignInAsync(await app.CreateStaffAsync(StaffRoles.Agent));
        var agentRefused = await agentSession.GetAsync("/sample/greetings");
        using var admin = app.NewSession("en-US");
        await admin.SignInAsync(await app.CreateStaffAsync(StaffRoles.Administrator));
        var greetings = await admin.GetAsync("/sample/greetings");
        var adminHome = await admin.GetAsync("/Admin");
        var matrix = await admin.GetAsync("/Admin/Permissions");
        var jobs = await admin.GetAsync("/Admin/Jobs");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agentRefused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, greetings.StatusCode);
        Assert.Equal("Sample greetings", greetings.H1);
        Assert.Contains(adminHome.FindAll("a.usa-button"), a => a.GetAttribute("href") == "/sample/greetings");
        var row = Assert.Single(matrix.FindAll("tbody tr"), r => r.QuerySelector("code")?.TextContent == SampleModule.SampleModule.ReadGreetings);
        Assert.Equal(["No", "No", "Yes"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Contains(GreetingTally.JobName, jobs.Html, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Without_the_line_the_module_is_not_there(TestDatabase db)
    {
        await using var app = await CiudadApp.StartAsync(db);
        using var session = app.NewSession("en-US");

        var page = await session.GetAsync("/sample");
        var home = await session.GetAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(home.FindAll("nav.usa-nav a"), a => a.GetAttribute("href") == "/sample");
    }
}
