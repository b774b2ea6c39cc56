using Microsoft.Playwright;

namespace Ciudad.Browser.Tests.Track;

/// <summary>
/// The public map on a phone with requests a few doors apart: every marker a thumb can reach is a
/// target WCAG 2.2 (2.5.8) expects to be 24px or spaced from its neighbours.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicMapOnAPhoneTests(BrowserFixture browser)
{
    // Fails today (target-size on overlapping Leaflet markers): only clustering nearby markers fixes it,
    // which is the map part of issue 9. Un-skip when the public map clusters.
    [Theory(Skip = "Overlapping markers need the public map's clustering (issue 9, map part)")]
    [InlineData("en-US")]
    [InlineData("es-MX")]
    public async Task Nearby_requests_on_the_public_map_meet_target_size_on_a_phone(string locale)
    {
        // Along one block of Mesa St, 30 m apart: at the map's closest fit they sit a few pixels apart.
        for (var i = 0; i < 8; i++)
        {
            var offset = i * 0.0003;
            await browser.App.CreateRequestAsync(r => r with { Latitude = 31.7700 + offset, Longitude = -106.4950 + offset });
        }
        var page = await browser.NewPageAsync(locale, phone: true);

        await page.GotoAsync("/requests/map?service=pothole");

        await Assertions.Expect(page.Locator(".leaflet-marker-icon, .leaflet-interactive").First).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
    }
}
