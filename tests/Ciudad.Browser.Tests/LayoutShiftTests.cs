using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ciudad.Browser.Tests;

/// <summary>
/// On a slow phone the scripts at the end of the page arrive late. Until then the page must already
/// look as it will with them: the menu must not be drawn open and then collapse, and a map that
/// JavaScript brings must have its room from the start (layout shift).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutShiftTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/report")]
    [InlineData("/report/location?service=pothole")]
    public async Task A_page_does_not_shift_when_its_scripts_arrive_late_on_a_phone(string path)
    {
        var page = await browser.NewPageAsync(phone: true);
        await page.AddInitScriptAsync(
            """
            window.__shift = 0;
            new PerformanceObserver(list => { for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value; })
              .observe({ type: "layout-shift", buffered: true });
            """);
        // The scripts at the end of the body (the site's, Leaflet, the map's) come a second late, as
        // on a slow mobile link; head.js runs before the first paint, so it is not held back.
        await page.RouteAsync(new Regex(@"\.js(\?|$)"), async route =>
        {
            if (!route.Request.Url.Contains("/js/head.js", StringComparison.Ordinal))
            {
                await Task.Delay(1000);
            }
            await route.ContinueAsync();
        });

        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        // Two frames after load, so the last layout has been drawn and measured.
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");

        var shift = await page.EvaluateAsync<double>("window.__shift");
        Assert.True(shift < 0.1, $"Cumulative layout shift on {path} was {shift:0.000} (Lighthouse's 'good' is under 0.1)");
    }
}
