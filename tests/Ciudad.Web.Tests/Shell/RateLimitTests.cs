using System.Net;

namespace Ciudad.Web.Tests.Shell;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Too_many_posts_get_a_429_page_in_the_visitors_language()
    {
        await using var app = await CiudadApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?>
        {
            ["Ciudad:Security:PublicPostsPerMinute"] = "3",
        });
        using var visitor = app.NewSession("es");
        var home = await visitor.GetAsync("/");

        HtmlPage? last = null;
        for (var i = 0; i < 4; i++)
        {
            // Stay in Spanish: each switch posts culture=es back to the home page.
            last = await visitor.SubmitAsync(home, new Dictionary<string, string> { ["culture"] = "es" }, "form.ciudad-language-switch");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Equal("Demasiados intentos", last.H1);
    }
}
