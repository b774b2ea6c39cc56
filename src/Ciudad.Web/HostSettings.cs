namespace Ciudad.Web;

/// <summary>
/// The settings <c>WebApplication.CreateBuilder</c> reads, read the same way before the host exists:
/// appsettings.json and appsettings.{environment}.json in the content root (the current directory),
/// environment variables, then the command line.
/// </summary>
public static class HostSettings
{
    public static IConfiguration Read(string[] args)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environments.Production;
        return new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
    }
}
