using System.Net;
using Ciudad.Platform.City;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// Discovery's <c>url</c>, <c>media_url</c>, <c>service_notice</c> and every emailed link are built
/// from <c>Ciudad:City:PublicBaseUrl</c>. Its default is <c>http://localhost:5080</c>, right on a
/// developer's machine and wrong everywhere else, so a production start on a loopback address says so.
/// </summary>
internal sealed partial class PublicBaseUrlCheck(IHostEnvironment environment, IOptions<CityOptions> city, ILogger<PublicBaseUrlCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var url = city.Value.PublicBaseUrl;
        if (environment.IsProduction() && IsLoopback(url))
        {
            LogLoopback(logger, url);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool IsLoopback(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri)
        || uri.IsLoopback
        || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ciudad:City:PublicBaseUrl is {Url}, a loopback address: Open311 discovery, photo links and emailed links will point at it. Set it to the site's public address (see docs/operations.md).")]
    private static partial void LogLoopback(ILogger logger, string url);
}
