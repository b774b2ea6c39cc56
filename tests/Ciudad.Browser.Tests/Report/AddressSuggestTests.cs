using Microsoft.Playwright;

namespace Ciudad.Browser.Tests.Report;

/// <summary>The address field suggests the city's addresses as people type (ARIA combobox), by keyboard as well as by pointer.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AddressSuggestTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en-US", "3100", "79930")]
    [InlineData("es-MX", "3102", "79930")]
    public async Task Typing_an_address_offers_suggestions_a_keyboard_can_choose(string locale, string number, string zip)
    {
        await browser.App.ImportAddressesAsync(new AddressTestData.Point(number, "N Piedras St", zip, 31.7850, -106.4600));
        var page = await browser.NewPageAsync(locale);
        await page.GotoAsync("/report/location?service=graffiti");
        var input = page.Locator("#Input-Address");

        await input.PressSequentiallyAsync(number + " piedars", new() { Delay = 20 }); // a typo on the way
        var option = page.GetByRole(AriaRole.Option, new() { Name = $"{number} N Piedras St, {zip}" });
        await Assertions.Expect(option).ToBeVisibleAsync();
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(input).ToHaveAttributeAsync("role", "combobox");
        await page.AssertNoViolationsAsync();
        await input.PressAsync("ArrowDown");
        await Assertions.Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await input.PressAsync("Enter");

        await Assertions.Expect(input).ToHaveValueAsync($"{number} N Piedras St");
        await Assertions.Expect(page.Locator("#Input-Zipcode")).ToHaveValueAsync(zip);
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.EndsWith("/report/location?service=graffiti", page.Url, StringComparison.Ordinal); // Enter took the suggestion, not the form
    }
}
