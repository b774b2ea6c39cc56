using Ciudad.Platform.Identity;
using Microsoft.Playwright;

namespace Ciudad.Browser.Tests;

/// <summary>How the shell lays out at the edges: a 320px-wide phone, a desktop with every menu item, a form's button.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_long_email_wraps_on_a_320px_screen_instead_of_scrolling_sideways()
    {
        var email = $"maria-guadalupe-fernandez-de-la-fuente-{Guid.NewGuid():N}@ayuntamiento-ejemplo.example.test";
        var resident = await browser.App.CreateResidentAsync(email);
        var page = await browser.NewPageAsync(phone: true);
        await page.SetViewportSizeAsync(320, 640);
        await page.SignInAsync(resident);

        await page.GotoAsync("/Account/Manage");

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(email);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 320"),
            $"The page is {await page.EvaluateAsync<int>("document.documentElement.scrollWidth")}px wide at 320px");
    }

    [Theory]
    [InlineData("en-US", 1024)]
    [InlineData("es-MX", 1024)]
    [InlineData("en-US", 1280)]
    [InlineData("es-MX", 1280)]
    public async Task On_a_desktop_no_navigation_item_wraps_onto_two_lines(string locale, int width)
    {
        var page = await browser.NewPageAsync(locale);
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync("/");
        Assert.Empty(await WrappedNavigationItemsAsync(page));

        var admin = await browser.App.CreateStaffAsync(StaffRoles.Administrator, culture: locale[..2]);
        await page.SignInAsync(admin);
        await page.GotoAsync("/");
        Assert.Empty(await WrappedNavigationItemsAsync(page));
        Assert.True(await page.EvaluateAsync<bool>($"document.documentElement.scrollWidth <= {width}"), "The navigation pushes the page sideways");
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    [InlineData("/report/location?service=sidewalk")]
    public async Task A_forms_button_keeps_its_distance_from_the_last_field(string path)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(path);

        var gap = await page.EvaluateAsync<double>(
            """
            () => {
              const button = document.querySelector("main form button[type=submit]");
              let field = button.previousElementSibling;
              while (field && field.offsetHeight === 0) field = field.previousElementSibling;
              return button.getBoundingClientRect().top - field.getBoundingClientRect().bottom;
            }
            """);

        Assert.True(gap >= 16, $"The button on {path} sits {gap}px below the last field");
    }

    /// <summary>Texts of the primary navigation's items drawn on more than one line.</summary>
    private static Task<string[]> WrappedNavigationItemsAsync(IPage page) =>
        page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll(".usa-nav__primary .usa-nav-link")].filter(link => {
              const range = document.createRange();
              range.selectNodeContents(link);
              const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
              return lines.size > 1;
            }).map(link => link.textContent.trim())
            """);
}
