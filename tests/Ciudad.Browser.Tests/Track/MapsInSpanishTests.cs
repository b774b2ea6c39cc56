using Ciudad.ServiceRequests.Requests;
using Microsoft.Playwright;

namespace Ciudad.Browser.Tests.Track;

/// <summary>
/// Leaflet's own words (zoom buttons, its credit's tooltip, a popup's close button) are English in
/// Leaflet itself; on a Spanish page every kind of map says them in Spanish, to eyes and screen readers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MapsInSpanishTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_public_map_speaks_spanish_down_to_a_popups_close_button()
    {
        // One request of a service no other browser test reports: a lone marker, not a cluster.
        var request = await browser.App.CreateRequestAsync(r => r with { ServiceCode = "bus-stop", Answers = new Dictionary<string, IReadOnlyList<string>>() });
        var page = await NewPageAsync();

        await page.GotoAsync("/requests/map?service=bus-stop");

        await AssertLeafletSpeaksSpanishAsync(page, "[data-request-map]");
        var marker = page.Locator($"[data-request-map] img.leaflet-marker-icon[alt*='{RequestNumbers.Format(request.Number)}']");
        await marker.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".leaflet-popup-close-button")).ToHaveAttributeAsync("aria-label", "Cerrar");
    }

    [Fact]
    public async Task The_report_pin_map_speaks_spanish()
    {
        var page = await NewPageAsync();

        await page.GotoAsync("/report/location?service=pothole");

        await AssertLeafletSpeaksSpanishAsync(page, "[data-report-map]");
    }

    [Fact]
    public async Task The_staff_request_map_and_queue_map_speak_spanish()
    {
        var marker = "es" + Guid.NewGuid().ToString("N")[..8];
        var request = await browser.App.CreateRequestAsync(r => r with { Description = $"Bache {marker}" });
        var agent = await browser.App.CreateStaffAsync("Agent", "streets-and-maintenance", culture: "es");
        var page = await NewPageAsync();
        await page.SignInAsync(agent);

        await page.GotoAsync($"/Staff/Requests/{request.Number}");
        await AssertLeafletSpeaksSpanishAsync(page, "#request-map");

        await page.GotoAsync($"/Staff/Requests?Q={marker}&View=map");
        await AssertLeafletSpeaksSpanishAsync(page, "#queue-map");
    }

    private static async Task AssertLeafletSpeaksSpanishAsync(IPage page, string map)
    {
        var zoomIn = page.Locator($"{map} .leaflet-control-zoom-in");
        await Assertions.Expect(zoomIn).ToHaveAttributeAsync("title", "Acercar");
        await Assertions.Expect(zoomIn).ToHaveAttributeAsync("aria-label", "Acercar");
        var zoomOut = page.Locator($"{map} .leaflet-control-zoom-out");
        await Assertions.Expect(zoomOut).ToHaveAttributeAsync("title", "Alejar");
        await Assertions.Expect(zoomOut).ToHaveAttributeAsync("aria-label", "Alejar");
        await Assertions.Expect(page.Locator($"{map} .leaflet-control-attribution a[href='https://leafletjs.com']"))
            .ToHaveAttributeAsync("title", "Una biblioteca de JavaScript para mapas interactivos");
    }

    /// <summary>A Spanish page whose map tiles are answered empty: tests never depend on the tile server.</summary>
    private async Task<IPage> NewPageAsync()
    {
        var page = await browser.NewPageAsync("es-MX");
        await page.RouteAsync(url => !url.StartsWith(browser.App.BaseAddress.ToString(), StringComparison.Ordinal),
            route => route.FulfillAsync(new RouteFulfillOptions { Status = 204 }));
        return page;
    }
}
