using System.Net;
using Ciudad.ServiceRequests.Open311;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>When something breaks on the server, the client still gets the spec's error list in its format.</summary>
public sealed class Open311FailureTests
{
    [Fact]
    public async Task An_unexpected_failure_is_a_500_error_list_in_the_requested_format_not_the_html_error_page()
    {
        // A rate limiter without its store throws on use: a stand-in for any bug behind the endpoint.
        await using var app = await CiudadApp.StartAsync(TestDatabase.Sqlite, configureServices: services =>
            services.AddSingleton(_ => new ApiKeyRateLimiter(null!)));
        var key = await app.NewApiKeyAsync();

        foreach (var format in new[] { "xml", "json" })
        {
            var response = await app.Open311PostAsync(format, Open311Kit.PotholeFields(key));

            var description = Assert.Single(response.AssertErrors(format, HttpStatusCode.InternalServerError));
            Assert.StartsWith("Something went wrong on our side", description, StringComparison.Ordinal);
        }
    }
}
