using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ciudad.Browser.Tests.Triage;

/// <summary>An agent on a call files the caller's report from the keyboard, in their language; axe checks each state of the page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffIntakeJourneyTests(BrowserFixture browser)
{
    public static TheoryData<string> Languages => new() { "en-US", "es-MX" };

    [Theory, MemberData(nameof(Languages))]
    public async Task A_phone_report_is_filed_from_the_keyboard(string locale)
    {
        var app = browser.App;
        var marker = "call" + Guid.NewGuid().ToString("N")[..8];
        var agent = await app.CreateStaffAsync("Agent", "streets-and-maintenance", culture: locale[..2]);
        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync(agent);

        await page.GotoAsync("/Staff/Requests/New");
        // The cursor starts on the service: the first thing asked of a caller.
        await Assertions.Expect(page.Locator("#Call-ServiceCode")).ToBeFocusedAsync();
        await page.AssertNoViolationsAsync();

        await page.SelectOptionAsync("#Call-ServiceCode", "pothole");
        await page.FocusAsync("button[formaction*='handler=Service']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("input[name='Input.Answers[size]']").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Call-Address")).ToBeFocusedAsync();
        await page.AssertNoViolationsAsync();

        await page.Keyboard.TypeAsync($"1000 E Yandell Dr {marker}");
        await page.FocusAsync("#Input-Description");
        await page.Keyboard.TypeAsync("Deep pothole in the right lane");
        await page.FocusAsync("input[name='Input.Answers[size]'][value='medium']");
        await page.Keyboard.PressAsync("Space");
        await page.FocusAsync("#Call-Name");
        await page.Keyboard.TypeAsync("Lupita");
        // Enter in a text box files the report (not "Show its questions").
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".usa-alert--success")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Call-ServiceCode")).ToBeFocusedAsync();
        await page.AssertNoViolationsAsync();
        var request = await app.WithDbAsync(db => db.Requests().AsNoTracking().SingleAsync(r => r.Address!.EndsWith(marker)));
        Assert.Equal((RequestChannel.Phone, "Lupita"), (request.Channel, request.ReporterName));
        await Assertions.Expect(page.Locator(".usa-alert--success")).ToContainTextAsync(RequestNumbers.Format(request.Number));

        // With errors, the summary is announced and the page stays accessible.
        await page.ClickAsync("main form button.usa-button:not(.usa-button--outline):not(.usa-sr-only)");
        await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
    }
}
