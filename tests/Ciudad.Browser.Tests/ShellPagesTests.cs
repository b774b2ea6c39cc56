using Microsoft.Playwright;

namespace Ciudad.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ShellPagesTests(BrowserFixture browser)
{
    public static TheoryData<string, string> PublicPages => new()
    {
        { "/", "en-US" }, { "/", "es-MX" },
        { "/Privacy", "en-US" }, { "/Privacy", "es-MX" },
        { "/Accessibility", "en-US" }, { "/Accessibility", "es-MX" },
        { "/no-such-page", "en-US" }, { "/no-such-page", "es-MX" },
    };

    [Theory, MemberData(nameof(PublicPages))]
    public async Task Public_pages_have_no_accessibility_violations(string path, string locale)
    {
        var page = await browser.NewPageAsync(locale);

        await page.GotoAsync(path);

        Assert.Equal(locale.StartsWith("es", StringComparison.Ordinal) ? "es" : "en", await page.GetAttributeAsync("html", "lang"));
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Language_switch_works_with_a_keyboard_on_a_phone()
    {
        var page = await browser.NewPageAsync("en-US", phone: true);
        await page.GotoAsync("/Accessibility");

        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        var spanish = page.GetByRole(AriaRole.Button, new() { Name = "Español" });
        await spanish.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Declaración de accesibilidad");
        Assert.EndsWith("/Accessibility", page.Url, StringComparison.Ordinal);
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Without_javascript_the_navigation_and_language_switch_still_work_on_a_phone()
    {
        var page = await browser.NewPageAsync("en-US", phone: true, javaScript: false);
        await page.GotoAsync("/");

        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Primary navigation" });
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Servicios en línea de la Ciudad de El Paso");
    }

    [Fact]
    public async Task Skip_link_moves_focus_to_the_main_content()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".usa-skipnav")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        Assert.EndsWith("#main-content", page.Url, StringComparison.Ordinal);
    }
}
