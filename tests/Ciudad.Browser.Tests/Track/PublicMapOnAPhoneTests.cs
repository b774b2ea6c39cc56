using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ciudad.Browser.Tests.Track;

/// <summary>
/// The public map on a phone with requests a few doors apart: every marker a thumb can reach is a
/// target WCAG 2.2 (2.5.8) expects to be 24px or spaced from its neighbours.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicMapOnAPhoneTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("es-MX")]
    public async Task Nearby_requests_on_the_public_map_meet_target_size_on_a_phone(string locale)
    {
        await CreateRequestsAlongOneBlockAsync("pothole");
        var page = await browser.NewPageAsync(locale, phone: true);

        await page.GotoAsync("/requests/map?service=pothole");

        await Assertions.Expect(page.Locator(".leaflet-marker-icon, .leaflet-interactive").First).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
    }

    [Theory]
    [InlineData("en-US", "requests")]
    [InlineData("es-MX", "solicitudes")]
    public async Task A_cluster_is_a_named_button_that_enter_opens_up(string locale, string requests)
    {
        // A service no other browser test reports, so the map holds only these eight (and the other language's).
        await CreateRequestsAlongOneBlockAsync("park-maintenance");
        var page = await browser.NewPageAsync(locale, phone: true);
        await page.GotoAsync("/requests/map?service=park-maintenance");

        // Nearby requests are one control that says how many it holds, in the page's language.
        var cluster = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^\\d+ {requests}$") }).First;
        await Assertions.Expect(cluster).ToBeVisibleAsync();
        var name = await cluster.GetAttributeAsync("aria-label");
        var count = int.Parse(name!.Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.True(count >= 2, name);
        await Assertions.Expect(cluster).ToHaveTextAsync(count.ToString(CultureInfo.InvariantCulture));

        // From the keyboard: Tab reaches it, Enter zooms in until it splits into smaller groups or markers.
        await cluster.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".leaflet-marker-icon").First).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
    }

    /// <summary>Along one block of Mesa St, 30 m apart: at the map's closest fit they sit a few pixels apart.</summary>
    private async Task CreateRequestsAlongOneBlockAsync(string serviceCode)
    {
        for (var i = 0; i < 8; i++)
        {
            var offset = i * 0.0003;
            await browser.App.CreateRequestAsync(r => r with
            {
                ServiceCode = serviceCode,
                Answers = serviceCode == "pothole" ? r.Answers : new Dictionary<string, IReadOnlyList<string>>(),
                Latitude = 31.7700 + offset,
                Longitude = -106.4950 + offset,
            });
        }
    }
}
