using Microsoft.Playwright;

namespace Ciudad.Browser.Tests;

/// <summary>axe-core on every page a person can reach, in English and in Spanish.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageAccessibilityTests(BrowserFixture browser)
{
    private static readonly string[] AnonymousPages =
    [
        "/Account/Register", "/Account/Login", "/Account/ForgotPassword", "/Account/ResendConfirmation",
        "/Account/ConfirmEmail?userId=nobody&code=bad", "/Staff/Invitation?token=not-a-token",
    ];

    private static readonly string[] ResidentPages =
    [
        "/Account/Manage", "/Account/Manage/Email", "/Account/Manage/Password", "/Account/Manage/TwoFactor",
        "/Account/Manage/PersonalData", "/Account/Manage/Delete",
    ];

    private static readonly string[] AdministratorPages =
    [
        "/Staff", "/Admin", "/Admin/Departments", "/Admin/Departments/Create", "/Admin/Staff", "/Admin/Staff/Invite",
        "/Admin/Audit", "/Admin/Mail", "/Admin/Outbox",
    ];

    public static TheoryData<string> Languages => new() { "en-US", "es-MX" };

    [Theory, MemberData(nameof(Languages))]
    public async Task Pages_for_visitors_have_no_violations(string locale)
    {
        var page = await browser.NewPageAsync(locale);
        await AssertPagesAsync(page, AnonymousPages);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task Account_pages_have_no_violations(string locale)
    {
        var resident = await browser.App.CreateResidentAsync(culture: locale[..2]);
        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync(resident);
        await AssertPagesAsync(page, ResidentPages);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task Staff_and_administration_pages_have_no_violations(string locale)
    {
        var admin = await browser.App.CreateStaffAsync("Administrator", culture: locale[..2]);
        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync(admin);
        var department = await browser.App.DepartmentIdAsync("streets-and-maintenance");
        await AssertPagesAsync(page, [.. AdministratorPages, $"/Admin/Departments/Edit/{department}", $"/Admin/Staff/{admin.Id}"]);
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

    private static async Task AssertPagesAsync(IPage page, IEnumerable<string> paths)
    {
        var expectedLanguage = page.Context.Pages.Count > 0 && (await page.EvaluateAsync<string>("navigator.language")).StartsWith("es", StringComparison.Ordinal) ? "es" : "en";
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Status: < 500 } && response.Status != 403, $"{path} answered {response?.Status}");
            Assert.Equal(expectedLanguage, await page.GetAttributeAsync("html", "lang"));
            await page.AssertNoViolationsAsync();
        }
    }
}
