using Ciudad.Platform.Identity;
using Ciudad.ServiceRequests.Open311;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ciudad.Browser.Tests;

/// <summary>
/// axe-core on every page the app serves, in English and in Spanish. The list of pages comes from
/// the app's own endpoints (host and every module), not from a hand-kept list: each page is visited
/// as the visitor its authorization allows (anonymous, a resident, an administrator). A page whose
/// route has parameters needs a way to fill them in <see cref="SamplesAsync"/>; a new one without
/// fails the crawl, naming the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageAccessibilityTests(BrowserFixture browser)
{
    public static TheoryData<string> Languages => new() { "en-US", "es-MX" };

    /// <summary>Each language on a desktop and on a phone (where WCAG 2.2's target size bites).</summary>
    public static TheoryData<string, bool> LanguagesAndScreens => new() { { "en-US", false }, { "es-MX", false }, { "en-US", true }, { "es-MX", true } };

    private enum Visitor
    {
        Anyone,
        Resident,
        Administrator,
    }

    [Theory, MemberData(nameof(LanguagesAndScreens))]
    public async Task Every_page_has_no_violations(string locale, bool phone)
    {
        var app = browser.App;
        var admin = await app.CreateStaffAsync(StaffRoles.Administrator, culture: locale[..2]);
        var resident = await app.CreateResidentAsync(culture: locale[..2]);
        var samples = await SamplesAsync(admin, locale);
        var plan = new Dictionary<Visitor, List<string>> { [Visitor.Anyone] = [], [Visitor.Resident] = [], [Visitor.Administrator] = [] };
        var unreachable = new List<string>();
        foreach (var endpoint in AppEndpoints.Pages(app))
        {
            var page = AppEndpoints.PagePath(endpoint)!;
            var url = endpoint.RoutePattern.Parameters.Count == 0 ? "/" + endpoint.RoutePattern.RawText!.TrimStart('/') : samples.GetValueOrDefault(page);
            if (url is null)
            {
                unreachable.Add(page);
                continue;
            }
            plan[VisitorFor(endpoint)].Add(url);
        }
        Assert.True(unreachable.Count == 0, "Pages the crawl cannot reach (add their route values to SamplesAsync): " + string.Join(", ", unreachable));

        var anyone = await browser.NewPageAsync(locale, phone);
        await AssertPagesAsync(anyone, locale, plan[Visitor.Anyone]);
        var signedIn = await browser.NewPageAsync(locale, phone);
        await signedIn.SignInAsync(resident);
        await AssertPagesAsync(signedIn, locale, plan[Visitor.Resident]);
        var staff = await browser.NewPageAsync(locale, phone);
        await staff.SignInAsync(admin);
        await AssertPagesAsync(staff, locale, plan[Visitor.Administrator]);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task Forms_showing_errors_have_no_violations(string locale)
    {
        var page = await browser.NewPageAsync(locale);
        foreach (var path in new[] { "/Account/Register", "/Account/Login", "/Account/ForgotPassword" })
        {
            await page.GotoAsync(path);
            await page.ClickAsync("main form button[type=submit] >> nth=0");
            await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToBeVisibleAsync();
            await page.AssertNoViolationsAsync();
        }
    }

    private static Visitor VisitorFor(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Visitor.Anyone;
        }
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
        return policies.All(p => p == CiudadPolicies.SignedIn) ? Visitor.Resident : Visitor.Administrator;
    }

    /// <summary>Real route values for pages whose routes have parameters, keyed by page.</summary>
    private async Task<Dictionary<string, string>> SamplesAsync(TestPerson admin, string locale)
    {
        var app = browser.App;
        var request = await app.CreateRequestAsync();
        var department = await app.DepartmentIdAsync("streets-and-maintenance");
        var key = await app.WithServicesAsync(sp => sp.GetRequiredService<ApiKeyService>().CreateAsync("Crawl " + locale + " " + Guid.NewGuid().ToString("N")[..6], 10, createdByUserId: null));
        var (service, question, answer) = await app.WithDbAsync(async db =>
        {
            var withAnswers = await db.Database.SqlQueryRaw<CatalogSample>(
                "SELECT a.service_id AS service, v.attribute_id AS question, v.id AS answer FROM sr_attribute_values v JOIN sr_service_attributes a ON a.id = v.attribute_id ORDER BY v.id LIMIT 1").SingleAsync();
            return (withAnswers.Service, withAnswers.Question, withAnswers.Answer);
        });
        var template = await CreateTemplateAsync(admin, locale);
        var submitted = await app.SubmitDemoAsync("animal-adoption", TestPeople.UniqueEmail("crawl"), locale[..2]);
        var reference = submitted.Submission.Reference;
        return new()
        {
            // Without a draft in this browser, the steps, check, confirmation and saved pages send the visitor to the form's page (FormJourneyTests crawls them with one).
            ["/Forms/Start"] = "/forms/animal-adoption",
            ["/Forms/Step"] = "/forms/animal-adoption/step/adopter",
            ["/Forms/Check"] = "/forms/animal-adoption/check",
            ["/Forms/Submitted"] = "/forms/animal-adoption/submitted",
            ["/Forms/Saved"] = "/forms/animal-adoption/saved",
            ["/Forms/Resume"] = "/forms/resume/not-a-token",
            ["/Forms/Submission"] = $"/forms/submissions/{reference}?key={Uri.EscapeDataString(submitted.AccessKey)}",
            ["/Staff/Forms/Submission"] = $"/Staff/Forms/Submissions/{reference}",
            ["/Requests/Track"] = $"/requests/{request.Number}",
            ["/Requests/Reopen"] = $"/requests/{request.Number}/reopen",
            ["/Requests/Unsubscribe"] = "/requests/unsubscribe/not-a-token",
            ["/Requests/ConfirmFollow"] = "/requests/follow/confirm/not-a-token",
            ["/Report/Follow"] = $"/Report/Follow/{request.Number}",
            ["/Report/Photo"] = $"/Report/Photo/{Guid.NewGuid()}",
            ["/Staff/Requests/Details"] = $"/Staff/Requests/{request.Number}",
            ["/Staff/Requests/Templates/Edit"] = $"/Staff/Requests/Templates/Edit/{template}",
            ["/Admin/ApiKeys/Details"] = $"/Admin/ApiKeys/{key.Key.Id}",
            ["/Admin/ApiKeys/Revoke"] = $"/Admin/ApiKeys/{key.Key.Id}/Revoke",
            ["/Admin/Catalog/Edit"] = $"/Admin/Catalog/Edit/{service}",
            ["/Admin/Catalog/Question"] = $"/Admin/Catalog/Edit/{service}/Questions/{question}",
            ["/Admin/Catalog/Answer"] = $"/Admin/Catalog/Edit/{service}/Questions/{question}/Answers/{answer}",
            ["/Admin/Departments/Edit"] = $"/Admin/Departments/Edit/{department}",
            ["/Admin/Staff/Details"] = $"/Admin/Staff/{admin.Id}",
            ["/Admin/Mail/Message"] = await FirstMailAsync(admin, locale),
            ["/Errors/Index"] = "/Errors/404",
        };
    }

    /// <summary>A response template made through its own page, so the edit page has something to show.</summary>
    private async Task<string> CreateTemplateAsync(TestPerson admin, string locale)
    {
        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync(admin);
        await page.GotoAsync("/Staff/Requests/Templates/Create");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await page.SelectOptionAsync("main form select[name='Input.DepartmentId']", new SelectOptionValue { Index = 1 });
        foreach (var field in await page.Locator("main form input[type=text], main form textarea").AllAsync())
        {
            await field.FillAsync("Crawl " + locale + " " + suffix);
        }
        await page.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToHaveCountAsync(0);
        var id = await browser.App.WithDbAsync(db => db.Database
            .SqlQueryRaw<int>("SELECT id AS \"Value\" FROM sr_response_templates ORDER BY id DESC LIMIT 1").SingleAsync());
        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> FirstMailAsync(TestPerson admin, string locale)
    {
        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync(admin);
        await page.GotoAsync("/Admin/Mail");
        var links = page.Locator("main a[href^='/Admin/Mail/']");
        return await links.CountAsync() > 0 ? (await links.First.GetAttributeAsync("href"))! : "/Admin/Mail/none.eml";
    }

    /// <summary>Visits every page and fails once at the end, listing every page's violations.</summary>
    private static async Task AssertPagesAsync(IPage page, string locale, IEnumerable<string> paths)
    {
        var expectedLanguage = locale[..2];
        var problems = new List<string>();
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Status: < 500 } && response.Status != 403, $"{path} answered {response?.Status}");
            Assert.Equal(expectedLanguage, await page.GetAttributeAsync("html", "lang"));
            problems.AddRange((await page.ViolationsAsync()).Select(v => $"{path}: {v}"));
        }
        Assert.True(problems.Count == 0, $"axe found {problems.Count} violation(s):\n{string.Join("\n", problems)}");
    }

    private sealed record CatalogSample(int Service, int Question, int Answer);
}
