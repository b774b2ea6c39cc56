namespace Ciudad.Web.Tests.Report;

/// <summary>The location step as served (before any script): its words fit a page without the map.</summary>
public sealed class LocationHintTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("en-US", "map")]
    [InlineData("es-MX", "mapa")]
    public async Task Without_javascript_the_address_hint_does_not_talk_about_the_map(string language, string map)
    {
        var app = await fixture.For(TestDatabase.Sqlite);

        var page = await app.NewSession(language).GetAsync("/report/location?service=pothole");

        var hint = page.Find("#Input-Address-hint")!.TextContent;
        Assert.DoesNotContain(map, hint, StringComparison.OrdinalIgnoreCase);
        // The map's script swaps in the words about the pin, from the panel the script shows.
        Assert.Contains(map, page.Find("[data-report-map]")!.GetAttribute("data-address-hint"), StringComparison.OrdinalIgnoreCase);
    }
}
