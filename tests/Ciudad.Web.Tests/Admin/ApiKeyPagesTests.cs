using System.Net;
using System.Text.Json;
using Ciudad.Platform.Identity;

namespace Ciudad.Web.Tests.Admin;

/// <summary>Administration of Open311 API keys: issue (shown once), limit, revoke, and who may do it.</summary>
public sealed class ApiKeyPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Issuing_a_key_shows_it_once_it_works_and_the_list_and_audit_never_contain_it(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, person) = await app.SignedInAdministratorAsync();
        var name = "Partner " + Guid.NewGuid().ToString("N")[..6];

        var home = await admin.GetAsync("/Admin");
        Assert.NotNull(home.Find("main a[href='/Admin/ApiKeys']"));
        var form = await admin.GetAsync("/Admin/ApiKeys/Create");
        var issued = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = name, ["Input.RequestsPerMinute"] = "5" });

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal("Your new API key", issued.H1);
        Assert.Equal("Copy this key now", issued.Find(".usa-alert--warning .usa-alert__heading")?.TextContent.Trim());
        var key = issued.Find("#issued-key")!.GetAttribute("value")!;
        Assert.Matches("^c311_[a-z2-7]{32}$", key);

        var filed = await Post(app, key);
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);

        var list = await admin.GetAsync("/Admin/ApiKeys");
        var row = Assert.Single(list.FindAll("table tbody tr"), r => r.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.Contains(key[..13] + "…", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("5 a minute", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Active", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Never", row.TextContent, StringComparison.Ordinal); // last used just now
        Assert.DoesNotContain(key, list.Html, StringComparison.Ordinal);

        var audit = Assert.Single(await app.AuditAsync("open311.apikey-issued"), e => e.AfterJson!.Contains(name, StringComparison.Ordinal));
        Assert.Equal(person.Email, audit.ActorEmail);
        Assert.DoesNotContain(key, audit.AfterJson!, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task An_invalid_issue_form_is_refused_with_400_and_each_problem(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();

        var form = await admin.GetAsync("/Admin/ApiKeys/Create");
        var page = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = "", ["Input.RequestsPerMinute"] = "lots" });
        var zero = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = "Zero", ["Input.RequestsPerMinute"] = "0" });

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(["Enter a name for the key", "Enter the limit as a whole number from 1 to 100000"], page.Errors);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Equal(["Enter the limit as a whole number from 1 to 100000"], zero.Errors);
        Assert.Null(page.Find("#issued-key"));
    }

    [Theory, BothDatabases]
    public async Task A_lower_limit_applies_at_once_and_revoking_after_confirmation_makes_the_key_403(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync("es");
        var issued = await admin.SubmitAsync(await admin.GetAsync("/Admin/ApiKeys/Create"),
            new Dictionary<string, string> { ["Input.Name"] = "Para revocar", ["Input.RequestsPerMinute"] = "50" });
        var key = issued.Find("#issued-key")!.GetAttribute("value")!;
        var list = await admin.GetAsync("/Admin/ApiKeys");
        var details = await admin.GetAsync(list.FindAll("table tbody th a").Last(a => a.TextContent == "Para revocar").GetAttribute("href")!);

        var limited = await admin.SubmitAsync(details, new Dictionary<string, string> { ["Input.RequestsPerMinute"] = "1" });
        Assert.Equal("El límite de la clave Para revocar ahora es de 1 por minuto.", limited.Confirmation());
        Assert.Equal(HttpStatusCode.OK, (await Post(app, key)).StatusCode);
        Assert.Equal((HttpStatusCode)429, (await Post(app, key)).StatusCode);
        var id = limited.Url.AbsolutePath.Split('/')[^1];
        var change = Assert.Single(await app.AuditAsync("open311.apikey-limit-changed", id));
        Assert.Equal(50, JsonDocument.Parse(change.BeforeJson!).RootElement.GetProperty("requestsPerMinute").GetInt32());

        var confirm = await admin.GetAsync(limited.Find("a[href$='/Revoke']")!.GetAttribute("href")!);
        Assert.Equal("¿Revocar la clave Para revocar?", confirm.H1);
        var revoked = await admin.SubmitAsync(confirm);

        Assert.Equal("Se revocó la clave Para revocar.", revoked.Confirmation());
        Assert.Contains("Revocada el", revoked.Text, StringComparison.Ordinal);
        Assert.Null(revoked.Find("a[href$='/Revoke']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(app, key)).StatusCode);
        Assert.Single(await app.AuditAsync("open311.apikey-revoked", id));
    }

    [Theory, BothDatabases]
    public async Task Only_administrators_reach_the_key_pages(TestDatabase db)
    {
        var app = await fixture.For(db);
        var manager = await app.CreateStaffAsync(StaffRoles.DepartmentManager);
        using var staff = app.NewSession("en-US");
        await staff.SignInAsync(manager);
        using var anonymous = app.NewSession("en-US");

        foreach (var route in new[] { "/Admin/ApiKeys", "/Admin/ApiKeys/Create" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(route)).StatusCode);
            using var response = await anonymous.Client.GetAsync(new Uri(route, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        using var post = await staff.PostRawAsync("/Admin/ApiKeys/Create", [new("Input.Name", "Sneaky"), new("Input.RequestsPerMinute", "5")]);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.DoesNotContain(await app.AuditAsync("open311.apikey-issued"), e => e.AfterJson!.Contains("Sneaky", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> Post(CiudadApp app, string key)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        return await client.PostAsync(new Uri("/open311/v2/requests.json", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("api_key", key), new("service_code", "pothole"), new("lat", "31.7587"), new("long", "-106.4869"), new("attribute[size]", "small"),
        ]));
    }
}
