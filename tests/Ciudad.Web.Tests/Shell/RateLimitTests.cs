using System.Globalization;
using System.Net;

namespace Ciudad.Web.Tests.Shell;

public sealed class RateLimitTests
{
    [Theory, BothLimitStores]
    public async Task Too_many_posts_get_a_429_page_in_the_visitors_language(LimitStore store)
    {
        await using var app = await CiudadApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?>(TestRedis.Settings(store))
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
        using var raw = await visitor.PostRawAsync("/", [new("culture", "es")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Equal("Demasiados intentos", last.H1);
        Assert.Equal(HttpStatusCode.TooManyRequests, raw.StatusCode);
        Assert.InRange(int.Parse(raw.Headers.RetryAfter!.ToString(), CultureInfo.InvariantCulture), 1, 60);
    }

    [Theory, BothLimitStores]
    public async Task Sign_in_attempts_have_their_own_limit_per_address(LimitStore store)
    {
        await using var app = await CiudadApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?>(TestRedis.Settings(store))
        {
            ["Ciudad:Security:AccountAttemptsPerMinute"] = "2",
        });
        using var visitor = app.NewSession(fromAddress: "127.0.4.1");
        using var neighbour = app.NewSession(fromAddress: "127.0.4.2");
        var form = await visitor.GetAsync("/Account/Login");
        var fields = new Dictionary<string, string> { ["Input.Email"] = "nobody@example.test", ["Input.Password"] = "not the password at all" };

        var attempts = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            attempts.Add((await visitor.SubmitAsync(form, fields)).StatusCode);
        }
        var neighbourAttempt = await neighbour.SubmitAsync(await neighbour.GetAsync("/Account/Login"), fields);
        var publicPost = await visitor.SubmitAsync(await visitor.GetAsync("/"), new Dictionary<string, string> { ["culture"] = "en" }, "form.ciudad-language-switch");

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], attempts);
        Assert.Equal(HttpStatusCode.BadRequest, neighbourAttempt.StatusCode);
        Assert.Equal(HttpStatusCode.OK, publicPost.StatusCode);
    }
}
