using Ciudad.Platform.Outbox;
using Microsoft.Playwright;

namespace Ciudad.Browser.Tests;

/// <summary>
/// Administration pages in the states an administrator actually meets them: with data in their
/// tables, with a form's errors showing, and with JavaScript off.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminPagesAccessibilityTests(BrowserFixture browser)
{
    public static TheoryData<string> Languages => new() { "en-US", "es-MX" };

    [Theory, MemberData(nameof(Languages))]
    public async Task Filled_tables_and_forms_with_errors_have_no_violations(string locale)
    {
        var app = browser.App;
        var admin = await app.CreateStaffAsync("Administrator", culture: locale[..2]);
        var agent = await app.CreateStaffAsync("Agent", "streets-and-maintenance");
        await app.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage { Type = "test.unhandled", Payload = "{}", Status = OutboxStatus.Dead, Attempts = 8, LastError = "550 mailbox unavailable", CreatedAt = DateTimeOffset.UtcNow, AvailableAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync(admin);

        // An invitation puts a message in sent mail and a row in the person's invitations.
        var invitee = TestPeople.UniqueEmail("a11y");
        await page.GotoAsync("/Admin/Staff/Invite");
        await page.FillAsync("#Input-Email", invitee);
        await page.ClickAsync("input[name='Input.Role'][value='Administrator'] + label");
        await page.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(page.Locator(".usa-alert--success")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await app.Mailbox.WaitForAsync(invitee);

        foreach (var path in new[] { "/Admin/Mail", "/Admin/Outbox", $"/Admin/Staff/{agent.Id}", "/Admin/Audit" })
        {
            await page.GotoAsync(path);
            await page.AssertNoViolationsAsync();
        }
        await page.ClickAsync("main details summary >> nth=0");
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/Admin/Mail");
        await page.ClickAsync("main table tbody a >> nth=0");
        await page.AssertNoViolationsAsync();

        foreach (var path in new[] { "/Admin/Departments/Create", "/Admin/Staff/Invite" })
        {
            await page.GotoAsync(path);
            await page.ClickAsync("main form button[type=submit]");
            await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToBeVisibleAsync();
            await page.AssertNoViolationsAsync();
        }
        await page.GotoAsync("/Admin/Audit?From.Month=2&From.Day=30&From.Year=2026");
        await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task A_department_can_be_added_with_the_keyboard_and_javascript_off()
    {
        var admin = await browser.App.CreateStaffAsync("Administrator");
        var page = await browser.NewPageAsync(javaScript: false);
        await page.SignInAsync(admin);
        var slug = "kb-" + Guid.NewGuid().ToString("N")[..8];

        await page.GotoAsync("/Admin/Departments/Create");
        await page.FocusAsync("#Input-Slug");
        await page.Keyboard.TypeAsync(slug);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Keyboard Department");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Departamento de Teclado");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("keyboard@elpasotexas.gov");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".usa-alert--success")).ToContainTextAsync("Keyboard Department");
        Assert.Matches("/Admin/Departments/Edit/[0-9]+", page.Url);
    }
}
