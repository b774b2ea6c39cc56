using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ciudad.Platform.Files;

public static class FileStoreServices
{
    /// <summary>
    /// Registers <see cref="FileStores"/> from <c>Ciudad:Files</c>: local disk under
    /// <paramref name="dataFolder"/> unless <c>Store</c> is S3, and a readiness check named "files".
    /// </summary>
    public static IServiceCollection AddCiudadFiles(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.AddOptions<FileStoreOptions>().Bind(configuration.GetSection(FileStoreOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => Create(sp.GetRequiredService<IOptions<FileStoreOptions>>().Value, dataFolder, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddHealthChecks().AddCheck<FileStoreHealthCheck>("files", tags: ["ready"]);
        return services;
    }

    internal static FileStores Create(FileStoreOptions options, string dataFolder, TimeProvider clock)
    {
        var filesFolder = Path.GetFullPath(Path.Combine(dataFolder, options.Folder));
        var tempFolder = Path.Combine(filesFolder, ".incoming");
        IncomingFile.RemoveAbandoned(tempFolder, clock);
        return new FileStores(options.Store == FileStoreKind.S3
            ? new S3FileBackend(S3FileBackend.CreateClient(options.S3), options.S3, tempFolder, options.MaxFileBytes)
            : new DiskFileBackend(filesFolder, options.MaxFileBytes));
    }

    private sealed class FileStoreHealthCheck(FileStores files) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await files.ProblemAsync(cancellationToken) is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy();
    }
}
