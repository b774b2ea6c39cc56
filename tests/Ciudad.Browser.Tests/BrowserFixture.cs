using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Ciudad.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser), and one Ciudad app on
/// SQLite for the whole browser suite. Browser journeys are about what a person sees; the data
/// layer is proven on both databases by the integration tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;
    public CiudadApp App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./scripts/test.sh, which installs Debian's chromium.");
        }
        // Playwright's expectations give up after 5 s by default. CI runs this suite on two busy cores,
        // where a page that works can take longer than that to show a result; an expectation still
        // fails, only later. (Stop 20's CI lost one browser test this way, with no failure locally.)
        Assertions.SetDefaultExpectTimeout(20_000);
        App = await CiudadApp.StartAsync(TestDatabase.Sqlite);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser profile (no cookies) in a phone-sized or desktop window.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US", bool phone = false, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            Locale = locale,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = locale },
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            JavaScriptEnabled = javaScript,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

public static class Accessibility
{
    /// <summary>
    /// Runs axe-core (WCAG 2.0, 2.1 and 2.2 A and AA, best practices) on the page and fails listing
    /// every violation. axe tags its 2.2 rules (target-size) wcag22aa only: it has no wcag22a rules.
    /// </summary>
    public static async Task AssertNoViolationsAsync(this IPage page)
    {
        var violations = await page.ViolationsAsync();
        Assert.True(violations.Count == 0, $"axe found {violations.Count} violation(s) on {page.Url}:\n{string.Join("\n", violations)}");
    }

    /// <summary>axe-core's violations on the page, one line each (rule, impact, help, first offending elements).</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(this IPage page)
    {
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        };
        var result = await page.RunAxe(options);
        return [.. result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html).Take(3))}")];
    }
}
