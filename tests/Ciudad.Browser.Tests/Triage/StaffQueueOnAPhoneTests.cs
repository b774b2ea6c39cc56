using Ciudad.ServiceRequests.Requests;
using Microsoft.Playwright;

namespace Ciudad.Browser.Tests.Triage;

/// <summary>Field staff work the queue from a phone: each request is a card, nothing scrolls sideways at 375 pixels.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffQueueOnAPhoneTests(BrowserFixture browser)
{
    public static TheoryData<string> Languages => new() { "en-US", "es-MX" };

    [Theory, MemberData(nameof(Languages))]
    public async Task The_queue_fits_a_phone_without_sideways_scrolling(string locale)
    {
        var app = browser.App;
        var marker = "ph" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 3; i++)
        {
            await app.CreateRequestAsync(r => r with { Description = $"Pothole by the long avenue name number {i} {marker}", Address = "10000 Montwood Dr and N Zaragoza Rd" });
        }
        var agent = await app.CreateStaffAsync("Agent", "streets-and-maintenance", culture: locale[..2]);
        var page = await browser.NewPageAsync(locale, phone: true);
        await page.SignInAsync(agent);
        await page.SetViewportSizeAsync(375, 812); // the narrowest common phone

        await page.GotoAsync($"/Staff/Requests?Q={marker}");

        Assert.Equal(375, await page.EvaluateAsync<int>("() => window.innerWidth"));
        await Assertions.Expect(page.Locator("table.ciudad-queue tbody tr")).ToHaveCountAsync(3);
        // Neither the page nor the table scrolls sideways: the rows are stacked.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways at 375px.");
        var tooWide = await page.EvaluateAsync<string>("""
            () => {
              const w = document.querySelector('.ciudad-table-wrapper');
              if (w.scrollWidth <= w.clientWidth) return '';
              const box = w.getBoundingClientRect();
              const edge = box.left + w.clientLeft + w.clientWidth; // inside the wrapper's border
              const wide = [...w.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > edge + 0.5)
                .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right - box.left) + 'px');
              return w.scrollWidth + 'px > ' + w.clientWidth + 'px: ' + wide.slice(0, 5).join(', ');
            }
            """);
        Assert.True(tooWide.Length == 0, $"The queue table is wider than the phone: {tooWide}");
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task On_a_desktop_request_numbers_do_not_wrap()
    {
        var app = browser.App;
        var marker = "dk" + Guid.NewGuid().ToString("N")[..8];
        var request = await app.CreateRequestAsync(r => r with { Description = $"Pothole {marker}" });
        var agent = await app.CreateStaffAsync("Agent", "streets-and-maintenance");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(agent);

        await page.GotoAsync($"/Staff/Requests?Q={marker}");

        var number = page.Locator($"table.ciudad-queue a[href='/Staff/Requests/{request.Number}']");
        await Assertions.Expect(number).ToHaveTextAsync(RequestNumbers.Format(request.Number));
        var lines = await number.EvaluateAsync<int>("a => a.getClientRects().length");
        Assert.Equal(1, lines);

        // The map view draws a marker for each located request of the view, and stays accessible.
        await page.GotoAsync($"/Staff/Requests?Q={marker}&View=map");
        await Assertions.Expect(page.Locator("#queue-map .leaflet-marker-icon")).ToHaveCountAsync(1);
        await page.AssertNoViolationsAsync();
    }
}
