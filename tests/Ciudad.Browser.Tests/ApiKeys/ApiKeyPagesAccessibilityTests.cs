using Microsoft.Playwright;

namespace Ciudad.Browser.Tests.ApiKeys;

/// <summary>The API key pages as an administrator meets them: errors, the issued key, the list, revoking.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiKeyPagesAccessibilityTests(BrowserFixture browser)
{
    public static TheoryData<string> Languages => new() { "en-US", "es-MX" };

    [Theory, MemberData(nameof(Languages))]
    public async Task Issue_list_and_revoke_have_no_violations(string locale)
    {
        var page = await SignedInAdministratorAsync(locale, javaScript: true);

        await WalkAsync(page, "A11y " + locale, page.AssertNoViolationsAsync);
    }

    [Fact]
    public async Task A_key_can_be_issued_and_revoked_with_javascript_off()
    {
        var page = await SignedInAdministratorAsync("es-MX", javaScript: false);

        // axe needs scripts, so this journey checks that every step works without them.
        await WalkAsync(page, "Sin JavaScript", () => Task.CompletedTask);
    }

    private async Task<IPage> SignedInAdministratorAsync(string locale, bool javaScript)
    {
        var admin = await browser.App.CreateStaffAsync("Administrator", culture: locale[..2]);
        var page = await browser.NewPageAsync(locale, javaScript: javaScript);
        page.SetDefaultTimeout(15_000);
        await page.SignInAsync(admin);
        return page;
    }

    private static async Task WalkAsync(IPage page, string name, Func<Task> check)
    {
        await page.GotoAsync("/Admin/ApiKeys/Create");
        await page.FillAsync("#Input-RequestsPerMinute", "");
        await page.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToBeVisibleAsync();
        await check();

        await page.FillAsync("#Input-Name", name);
        await page.FillAsync("#Input-RequestsPerMinute", "30");
        await page.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(page.Locator("#issued-key")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^c311_"));
        await check();

        await page.ClickAsync("main a.usa-button[href='/Admin/ApiKeys']");
        await check();
        await page.ClickAsync($"main table a:text-is('{name}')");
        await check();
        await page.ClickAsync("main a[href$='/Revoke']");
        await check();
        await page.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(page.Locator(".usa-alert--success")).ToBeVisibleAsync();
        await check();
    }
}
