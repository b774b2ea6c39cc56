using Ciudad.Platform.Localization;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ciudad.Browser.Tests.Triage;

/// <summary>
/// A staff member takes a resident's pothole from the queue to closed, by keyboard, in their
/// language; the resident hears about each public step in theirs. axe checks every page on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffTriageJourneyTests(BrowserFixture browser)
{
    public static TheoryData<string> Languages => new() { "en-US", "es-MX" };

    [Theory, MemberData(nameof(Languages))]
    public async Task From_the_queue_to_closed_with_the_keyboard(string locale)
    {
        var app = browser.App;
        var language = locale[..2];
        var spanish = language == "es";
        var marker = "kb" + Guid.NewGuid().ToString("N")[..10];
        var reporter = TestPeople.UniqueEmail("vecina");
        var request = await app.CreateRequestAsync(r => r with
        {
            Description = $"Big pothole by the school {marker}",
            Address = "1000 E Yandell Dr",
            Email = reporter,
            Name = "Lupita Vecina",
            Culture = language,
        });
        await app.WithDbAsync(async db =>
        {
            var pothole = await db.Services().SingleAsync(s => s.Code == "pothole");
            db.ResponseTemplates().Add(new ResponseTemplate
            {
                DepartmentId = pothole.DepartmentId, ServiceId = pothole.Id, SuggestedStatus = RequestStatus.InProgress,
                Title = LocalizedText.Of($"Crew on the way {marker}", $"Cuadrilla en camino {marker}"),
                Body = LocalizedText.Of("A crew is on the way to fill the pothole.", "Una cuadrilla va en camino para tapar el bache."),
            });
            return await db.SaveChangesAsync();
        });
        var agent = await app.CreateStaffAsync("Agent", "streets-and-maintenance", culture: language);
        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync(agent);

        // The queue, filtered by typing a search and pressing Enter.
        await page.GotoAsync("/Staff/Requests");
        await page.AssertNoViolationsAsync();
        await page.FocusAsync("#Q");
        await page.Keyboard.TypeAsync(marker);
        await page.Keyboard.PressAsync("Enter");
        var row = page.Locator("table.ciudad-queue tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await page.AssertNoViolationsAsync();

        // Open the request from its row.
        await page.FocusAsync($"table.ciudad-queue a[href='/Staff/Requests/{request.Number}']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(RequestNumbers.Format(request.Number));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Lupita Vecina");
        await page.AssertNoViolationsAsync();

        // Assign to me.
        await page.FocusAsync("#Assign-UserId");
        await page.SelectOptionAsync("#Assign-UserId", agent.Id);
        await SubmitWithKeyboardAsync(page, "Assign");
        await Assertions.Expect(page.Locator(".usa-alert--success")).ToContainTextAsync(agent.Email);

        // An internal note: staff only.
        await page.FocusAsync("#Note-Text");
        await page.Keyboard.TypeAsync("School crossing guard called it in too.");
        await SubmitWithKeyboardAsync(page, "Note");
        await Assertions.Expect(page.Locator(".ciudad-timeline__item--internal").First).ToContainTextAsync("School crossing guard");
        await page.AssertNoViolationsAsync();

        // "In progress" from the template: the note arrives in the reporter's language.
        await page.FocusAsync($"#update ~ ul a:has-text('{marker}')");
        await page.Keyboard.PressAsync("Enter");
        var body = spanish ? "Una cuadrilla va en camino para tapar el bache." : "A crew is on the way to fill the pothole.";
        await Assertions.Expect(page.Locator("#Update-Note")).ToHaveValueAsync(body);
        await Assertions.Expect(page.Locator("#Update-Status")).ToHaveValueAsync(nameof(RequestStatus.InProgress));
        await page.AssertNoViolationsAsync();
        await SubmitWithKeyboardAsync(page, "Update");
        await Assertions.Expect(page.Locator(".usa-alert--success")).ToBeVisibleAsync();
        var inProgress = await app.Mailbox.WaitForAsync(reporter, m => (m.TextBody ?? "").Contains(body, StringComparison.Ordinal));
        Assert.Contains(spanish ? "En proceso" : "In progress", inProgress.Subject, StringComparison.Ordinal);

        // Close as fixed.
        await page.SelectOptionAsync("#Update-Status", nameof(RequestStatus.Fixed));
        await page.FocusAsync("#Update-Note");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(spanish ? "Bache tapado." : "Pothole filled.");
        await SubmitWithKeyboardAsync(page, "Update");
        await Assertions.Expect(page.Locator(".usa-alert--success")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        var fixedMail = await app.Mailbox.WaitForAsync(reporter, m => (m.Subject ?? "").Contains(spanish ? "Arreglado" : "Fixed", StringComparison.Ordinal));
        Assert.Contains(spanish ? "Bache tapado." : "Pothole filled.", fixedMail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("School crossing guard", string.Concat(app.Mailbox.To(reporter).Select(m => m.TextBody)), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Requests().Where(r => r.Id == request.Id).Select(r => r.IsOpen).SingleAsync()));

        // Back in the queue, the closed request is found among closed ones.
        await page.GotoAsync($"/Staff/Requests?Status=closed&Q={marker}");
        await Assertions.Expect(page.Locator("table.ciudad-queue tbody tr")).ToHaveCountAsync(1);
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Select_all_and_bulk_assign_work_with_javascript_off()
    {
        var app = browser.App;
        var marker = "nojs" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateRequestAsync(r => r with { Description = $"One {marker}" });
        await app.CreateRequestAsync(r => r with { Description = $"Two {marker}" });
        var agent = await app.CreateStaffAsync("Agent", "streets-and-maintenance");
        var page = await browser.NewPageAsync(javaScript: false);
        await page.SignInAsync(agent);

        await page.GotoAsync($"/Staff/Requests?Q={marker}");
        await page.FocusAsync("#select-all");
        await page.Keyboard.PressAsync("Space");
        await page.SelectOptionAsync("#BulkAssignee", "me");
        await page.FocusAsync("button[name=operation][value=assign]");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".usa-alert--success")).ToContainTextAsync("Assignment changed on 2 requests.");
        Assert.Equal(2, await app.WithDbAsync(db => db.Requests().CountAsync(r => r.Description.EndsWith(marker) && r.AssignedToUserId == agent.Id)));
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task Template_pages_and_the_bulk_form_with_errors_have_no_violations(string locale)
    {
        var app = browser.App;
        var marker = "a11y" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateRequestAsync(r => r with { Description = $"One {marker}" });
        var manager = await app.CreateStaffAsync("DepartmentManager", "streets-and-maintenance", culture: locale[..2]);
        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync(manager);

        await page.GotoAsync($"/Staff/Requests?Q={marker}");
        await page.ClickAsync("button[name=operation][value=assign]");
        await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/Staff/Requests/Templates/Create");
        await page.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/Staff/Requests/Templates");
        await page.AssertNoViolationsAsync();
    }

    /// <summary>Tabs from the form's last field to its button and presses Enter, as a keyboard user does.</summary>
    private static async Task SubmitWithKeyboardAsync(IPage page, string handler)
    {
        await page.FocusAsync($"main form[action*='handler={handler}'] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
