using Ciudad.Platform.City;
using Ciudad.ServiceRequests.Open311;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>Discovery and every link in answers use PublicBaseUrl: a production server left on localhost must say so at start.</summary>
public sealed class PublicBaseUrlWarningTests
{
    [Theory]
    [InlineData("Production", "http://localhost:5080", true)]
    [InlineData("Production", "http://127.0.0.1:8080/", true)]
    [InlineData("Production", "http://[::1]/", true)]
    [InlineData("Production", "https://311.elpasotexas.gov", false)]
    [InlineData("Development", "http://localhost:5080", false)]
    public async Task Production_on_a_loopback_public_base_url_logs_a_warning_at_start(string environment, string baseUrl, bool warns)
    {
        var log = new ListLogger();
        var check = new PublicBaseUrlCheck(new HostingEnvironment { EnvironmentName = environment },
            Options.Create(new CityOptions { PublicBaseUrl = baseUrl }), log);

        await check.StartAsync(CancellationToken.None);

        var warning = log.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).SingleOrDefault();
        Assert.Equal(warns, warning is not null);
        if (warning is not null)
        {
            Assert.Contains("Ciudad:City:PublicBaseUrl", warning, StringComparison.Ordinal);
        }
    }

    private sealed class ListLogger : ILogger<PublicBaseUrlCheck>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
