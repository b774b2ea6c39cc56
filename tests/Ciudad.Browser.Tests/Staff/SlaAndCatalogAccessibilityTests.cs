using Ciudad.Platform.Data;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ciudad.Browser.Tests.Staff;

/// <summary>The SLA dashboard and the catalog pages, with data on them, in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SlaAndCatalogAccessibilityTests(BrowserFixture browser)
{
    public static TheoryData<string> Languages => new() { "en-US", "es-MX" };

    [Theory, MemberData(nameof(Languages))]
    public async Task The_dashboard_with_charts_and_with_an_error_has_no_violations(string locale)
    {
        var app = browser.App;
        var now = DateTimeOffset.UtcNow;
        await ShapeAsync(app, now.AddHours(-3), null, null);
        await ShapeAsync(app, now.AddDays(-45), null, null);
        await ShapeAsync(app, now.AddDays(-6), now.AddDays(-5), now.AddDays(-3));
        await ShapeAsync(app, now.AddDays(-9), now.AddDays(-2), now.AddDays(-6));
        var admin = await app.CreateStaffAsync("Administrator", culture: locale[..2]);
        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync(admin);

        await page.GotoAsync("/Staff");
        await page.ClickAsync("main a[href='/Staff/Dashboard']");
        await Assertions.Expect(page.Locator("svg[role=img]").First).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        await page.FillAsync("#From", "2026-12-31");
        await page.FillAsync("#To", "2026-01-01");
        await page.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task Catalog_pages_with_data_and_with_errors_have_no_violations(string locale)
    {
        var app = browser.App;
        var (serviceId, questionId, answerId) = await app.WithDbAsync(async db =>
        {
            var size = await db.ServiceAttributes().Include(a => a.Values)
                .SingleAsync(a => a.Code == "size" && db.Services().Any(s => s.Id == a.ServiceId && s.Code == "pothole"));
            return (size.ServiceId, size.Id, size.Values.First().Id);
        });
        var admin = await app.CreateStaffAsync("Administrator", culture: locale[..2]);
        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync(admin);

        var edit = $"/Admin/Catalog/Edit/{serviceId}";
        foreach (var path in new[] { "/Admin", "/Admin/Catalog", edit, $"{edit}/Questions", $"{edit}/Questions/{questionId}", $"{edit}/Questions/{questionId}/Answers/{answerId}" })
        {
            await page.GotoAsync(path);
            await page.AssertNoViolationsAsync();
        }

        foreach (var path in new[] { "/Admin/Catalog/Create", $"{edit}/Questions", $"{edit}/Questions/{questionId}/Answers" })
        {
            await page.GotoAsync(path);
            await page.ClickAsync("main form button[type=submit]");
            await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToBeVisibleAsync();
            await page.AssertNoViolationsAsync();
        }
    }

    /// <summary>A pothole received (and closed, when asked) at the given times.</summary>
    private static async Task ShapeAsync(CiudadApp app, DateTimeOffset requestedAt, DateTimeOffset? closedAt, DateTimeOffset? expectedAt)
    {
        var request = await app.CreateRequestAsync();
        if (closedAt is not null)
        {
            await app.WithServicesAsync(async sp =>
            {
                var updates = sp.GetRequiredService<RequestUpdates>();
                updates.Publish((await updates.LoadAsync(request.Id))!, RequestStatus.Fixed, null, RequestEventKind.StatusChanged, null, "Test");
                await sp.GetRequiredService<CiudadDbContext>().SaveChangesAsync();
            });
        }
        await app.WithDbAsync(d => d.Requests().Where(r => r.Id == request.Id).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.RequestedAt, requestedAt)
            .SetProperty(x => x.ClosedAt, closedAt)
            .SetProperty(x => x.ExpectedAt, expectedAt ?? request.ExpectedAt)));
    }
}
