using System.Net;

namespace Ciudad.Web.Tests.Shell;

/// <summary>Production settings served as an operator would: HTTPS required, proxies from configuration.</summary>
public sealed class ProxyAndHttpsTests
{
    [Fact]
    public async Task With_https_required_a_plain_http_form_page_redirects_to_https_and_a_post_is_never_a_500()
    {
        await using var app = await CiudadApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?>
        {
            ["Ciudad:Security:RequireHttps"] = "true",
        });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        using var page = await client.GetAsync(new Uri("/Account/Login?returnUrl=%2FStaff", UriKind.Relative));
        using var post = await client.PostAsync(new Uri("/Report", UriKind.Relative), new FormUrlEncodedContent([new("x", "y")]));
        using var health = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, page.StatusCode);
        Assert.Equal(new Uri($"https://{app.BaseAddress.Host}/Account/Login?returnUrl=%2FStaff"), page.Headers.Location);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, post.StatusCode); // 307 keeps the method: the form is posted again over HTTPS
        Assert.Equal("https", post.Headers.Location!.Scheme);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode); // load balancers probe over HTTP
    }

    [Fact]
    public async Task X_Forwarded_For_counts_only_from_a_configured_proxy()
    {
        // Two sign-in attempts per address per minute; each attempt claims a different client address.
        var limits = new Dictionary<string, string?> { ["Ciudad:Security:AccountAttemptsPerMinute"] = "2" };
        await using var behindProxy = await CiudadApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?>(limits)
        {
            ["Ciudad:Security:ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8",
        });
        await using var proxyElsewhere = await CiudadApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?>(limits)
        {
            ["Ciudad:Security:ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8",
            ["Ciudad:Security:ForwardedHeaders:KnownProxies:0"] = "192.0.2.10",
        });

        var trusted = await SignInAttemptsAsync(behindProxy);
        var untrusted = await SignInAttemptsAsync(proxyElsewhere);

        // Each claimed client has its own budget when the test's loopback connection is a trusted proxy…
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, trusted);
        // …and the header is ignored otherwise: every attempt is the loopback address's, the third refused.
        Assert.Equal(HttpStatusCode.TooManyRequests, untrusted[2]);
    }

    [Fact]
    public async Task A_proxy_network_that_is_not_CIDR_stops_the_start_with_a_message_naming_it()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => CiudadApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?>
        {
            ["Ciudad:Security:ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/33",
        }));

        var messages = string.Join(" | ", Chain(failure).Select(e => e.Message));
        Assert.Contains("Ciudad:Security:ForwardedHeaders:KnownNetworks: \"10.0.0.0/33\" is not a network in CIDR notation", messages, StringComparison.Ordinal);
    }

    private static async Task<List<HttpStatusCode>> SignInAttemptsAsync(CiudadApp app)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = new FormUrlEncodedContent([new("Input.Email", "x@example.test")]) };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
