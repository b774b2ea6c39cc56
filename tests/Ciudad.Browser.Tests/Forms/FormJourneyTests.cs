using Ciudad.Forms;
using Ciudad.Forms.Catalog;
using Ciudad.Forms.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ciudad.Browser.Tests.Forms;

/// <summary>
/// A city form as a resident fills it in on a phone, in each language: every page, its error state,
/// "check your answers" and the confirmation pass axe (WCAG 2.2 AA); the page never scrolls sideways.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FormJourneyTests(BrowserFixture browser)
{
    public static TheoryData<string, string, string, string, string> Languages => new()
    {
        { "en-US", "Start now", "Continue", "Submit", "Form submitted" },
        { "es-MX", "Empezar ahora", "Continuar", "Enviar", "Formulario enviado" },
    };

    [Theory, MemberData(nameof(Languages))]
    public async Task On_a_phone_a_resident_fills_in_the_adoption_form_and_every_page_passes_axe(string locale, string start, string next, string submit, string done)
    {
        var form = await browser.App.WithServicesAsync(async sp => (await sp.GetRequiredService<FormLibrary>().FindPublishedAsync("animal-adoption"))!);
        var answers = DemoAnswers.For(form.Definition, new Random(locale.Length));
        var page = await browser.NewPageAsync(locale, phone: true);

        await page.GotoAsync("/forms");
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/forms/animal-adoption");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = start }).ClickAsync();

        // The first page sent empty: the error summary takes focus, and every error passes axe too.
        await page.GetByRole(AriaRole.Button, new() { Name = next, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await AssertNoSidewaysScrollAsync(page);

        while (page.Url.Contains("/step/", StringComparison.Ordinal))
        {
            var url = page.Url;
            await FillAsync(page, answers);
            await page.AssertNoViolationsAsync();
            await AssertNoSidewaysScrollAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = next, Exact = true }).ClickAsync();
            await page.WaitForURLAsync(u => u != url);
        }

        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = submit, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(done);
        await page.AssertNoViolationsAsync();
    }

    /// <summary>Types each answer into the input of that name on this page, as a person would.</summary>
    private static async Task FillAsync(IPage page, FormAnswers answers)
    {
        foreach (var (name, values) in answers.Values)
        {
            var inputs = page.Locator($"main form [name=\"{name}\"]");
            if (await inputs.CountAsync() == 0)
            {
                continue;
            }
            var first = inputs.First;
            var type = await first.GetAttributeAsync("type");
            var tag = await first.EvaluateAsync<string>("e => e.tagName");
            if (type is "radio" or "checkbox")
            {
                foreach (var value in values)
                {
                    // USWDS draws the choice on its label (the input itself is visually hidden): tap the label, as a person does.
                    var id = await page.Locator($"main form [name=\"{name}\"][value=\"{value}\"]").GetAttributeAsync("id");
                    await page.Locator($"label[for=\"{id}\"]").ClickAsync();
                }
            }
            else if (tag == "SELECT")
            {
                await first.SelectOptionAsync(values[0]);
            }
            else
            {
                await first.FillAsync(values[0]);
            }
        }
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} scrolls sideways by {overflow}px on a phone");
    }
}
