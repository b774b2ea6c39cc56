using System.Text.Json;
using Microsoft.Playwright;

namespace Ciudad.Browser.Tests.Account;

[Collection(BrowserCollection.Name)]
public sealed class AccountPagesTests(BrowserFixture browser)
{
    public static TheoryData<string, string> AnonymousPages => new()
    {
        { "/Account/Register", "en-US" }, { "/Account/Register", "es-MX" },
        { "/Account/Login", "en-US" }, { "/Account/Login", "es-MX" },
        { "/Account/ForgotPassword", "en-US" }, { "/Account/ResendConfirmation", "es-MX" },
        { "/Account/ConfirmEmail?userId=x&code=y", "en-US" },
    };

    public static TheoryData<string, string> ManagePages => new()
    {
        { "/Account/Manage", "en-US" }, { "/Account/Manage", "es-MX" },
        { "/Account/Manage/Email", "en-US" }, { "/Account/Manage/Password", "es-MX" },
        { "/Account/Manage/TwoFactor", "en-US" }, { "/Account/Manage/TwoFactor", "es-MX" },
        { "/Account/Manage/Passkeys", "en-US" }, { "/Account/Manage/PersonalData", "es-MX" },
        { "/Account/Manage/Delete", "en-US" },
    };

    [Theory, MemberData(nameof(AnonymousPages))]
    public async Task Account_pages_have_no_accessibility_violations(string path, string locale)
    {
        var page = await browser.NewPageAsync(locale);

        await page.GotoAsync(path);

        await page.AssertNoViolationsAsync();
    }

    [Theory, MemberData(nameof(ManagePages))]
    public async Task My_account_pages_have_no_accessibility_violations(string path, string locale)
    {
        var resident = await browser.App.CreateResidentAsync(culture: locale[..2]);
        var page = await browser.NewPageAsync(locale);
        await SignInAsync(page, resident.Email, resident.Password);

        await page.GotoAsync(path);

        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task A_form_with_errors_is_accessible_and_focuses_the_error_summary()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Register");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToBeFocusedAsync();
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Without_javascript_passkey_controls_explain_themselves_and_password_sign_in_works()
    {
        var resident = await browser.App.CreateResidentAsync();
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync("/Account/Login");

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByText("you can use it with a browser that supports passkeys")).ToBeVisibleAsync();
        await SignInAsync(page, resident.Email, resident.Password);
        await page.GotoAsync("/Account/Manage/Passkeys");

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByText("Adding a passkey needs a browser that supports passkeys")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_resident_adds_a_passkey_renames_it_and_signs_in_with_it()
    {
        var resident = await browser.App.CreateResidentAsync();
        // WebAuthn needs a domain, not an IP address, as the relying party.
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.App.BaseAddress.ToString().Replace("127.0.0.1", "localhost", StringComparison.Ordinal),
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
        await SignInAsync(page, resident.Email, resident.Password);

        await page.GotoAsync("/Account/Manage/Passkeys");
        await page.GetByLabel("Passkey name").FillAsync("Test phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        var outcome = page.GetByRole(AriaRole.Status).Or(page.Locator(".ciudad-error-summary, .ciudad-passkey-error:not([hidden])"));
        await Assertions.Expect(outcome.First).ToBeVisibleAsync();
        Assert.True(await page.GetByRole(AriaRole.Status).CountAsync() == 1, await page.Locator("main").InnerTextAsync());
        await Assertions.Expect(page.Locator("table.usa-table")).ToContainTextAsync("Test phone");
        await page.GetByRole(AriaRole.Link, new() { Name = "Rename Test phone" }).ClickAsync();
        await page.Locator("#Rename-Name").FillAsync("Kitchen tablet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save name" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.usa-table")).ToContainTextAsync("Kitchen tablet");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/Account/Login?returnUrl=%2FAccount%2FManage");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your account");
        Assert.NotEmpty(await browser.App.WithDbAsync(db => Task.FromResult(db.AuditEntries
            .Where(e => e.Action == "account.signed-in" && e.EntityId == resident.Id && e.AfterJson!.Contains("passkey"))
            .Select(e => e.Id).ToList())));

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/Account/Manage/Passkeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Kitchen tablet" }).ClickAsync();
        await Assertions.Expect(page.GetByText("You have not added any passkeys yet.")).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input-Email").FillAsync(email);
        await page.Locator("#Input-Password").FillAsync(password);
        await page.Locator("main form:has(input[type=password]) button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("form[action='/Account/Logout']")).ToHaveCountAsync(1);
    }
}
