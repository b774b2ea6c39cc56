using System.Net;

namespace Ciudad.Web.Tests.Shell;

/// <summary>The frame every page shares: language, headers, errors, health.</summary>
public sealed class ShellTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Home_page_greets_in_english_by_default_and_in_spanish_for_a_spanish_browser(TestDatabase db)
    {
        var app = await fixture.For(db);

        var english = await app.NewSession().GetAsync("/");
        var spanish = await app.NewSession("es-MX,es;q=0.9").GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("City of El Paso online services", english.H1);
        Assert.Equal("es", spanish.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Servicios en línea de la Ciudad de El Paso", spanish.H1);
        Assert.Equal("Ir al contenido principal", spanish.Find(".usa-skipnav")!.TextContent);
    }

    [Theory, BothDatabases]
    public async Task Language_switch_is_remembered_across_pages_and_returns_to_the_same_page(TestDatabase db)
    {
        var app = await fixture.For(db);
        using var visitor = app.NewSession("en-US");
        var privacy = await visitor.GetAsync("/Privacy");

        var switched = await visitor.SubmitAsync(privacy, formSelector: "form.ciudad-language-switch");
        var later = await visitor.GetAsync("/Accessibility");

        Assert.Equal("/Privacy", switched.Url.AbsolutePath);
        Assert.Equal("Privacidad", switched.H1);
        Assert.Equal("Declaración de accesibilidad", later.H1);
        Assert.Equal("English", later.Find(".ciudad-language-button")!.TextContent.Trim());
    }

    [Fact]
    public async Task Language_switch_refuses_to_redirect_off_site()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        using var visitor = app.NewSession();
        var home = await visitor.GetAsync("/");

        var page = await visitor.SubmitAsync(home, new Dictionary<string, string> { ["returnUrl"] = "https://evil.example/" }, "form.ciudad-language-switch");

        Assert.Equal(app.BaseAddress.Host, page.Url.Host);
        Assert.Equal("/", page.Url.AbsolutePath);
    }

    [Fact]
    public async Task Unknown_page_answers_404_with_a_helpful_page_in_the_visitors_language()
    {
        var app = await fixture.For(TestDatabase.Sqlite);

        var english = await app.NewSession().GetAsync("/no-such-page");
        var spanish = await app.NewSession("es").GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
        Assert.Equal("Page not found", english.H1);
        Assert.Equal(HttpStatusCode.NotFound, spanish.StatusCode);
        Assert.Equal("No encontramos la página", spanish.H1);
        Assert.NotNull(spanish.Find("a[href='/']"));
    }

    [Fact]
    public async Task Every_response_carries_strict_security_headers()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        using var visitor = app.NewSession();

        using var response = await visitor.Client.GetAsync(new Uri("/", UriKind.Relative));

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_script()
    {
        var app = await fixture.For(TestDatabase.Sqlite);

        var page = await app.NewSession().GetAsync("/");

        var scripts = page.FindAll("script");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.True(s.HasAttribute("src"), $"inline script: {s.OuterHtml}"));
        Assert.Empty(page.FindAll("[style]"));
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_refused()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        using var visitor = app.NewSession();

        using var response = await visitor.PostRawAsync("/Culture", [new("culture", "es")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Health_endpoints_report_live_and_ready(TestDatabase db)
    {
        var app = await fixture.For(db);
        using var visitor = app.NewSession();

        using var live = await visitor.Client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await visitor.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Front_end_assets_are_served_by_ciudad_itself()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        using var visitor = app.NewSession();
        var home = await visitor.GetAsync("/");

        foreach (var asset in home.FindAll("link[rel=stylesheet], script[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")))
        {
            Assert.StartsWith("/", asset, StringComparison.Ordinal);
            using var response = await visitor.Client.GetAsync(new Uri(asset!, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
