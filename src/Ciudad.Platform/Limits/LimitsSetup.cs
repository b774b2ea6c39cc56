using Ciudad.Platform.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Ciudad.Platform.Limits;

/// <summary><c>Ciudad:Redis</c>: how this city's keys are named on a Redis server that may serve others too.</summary>
public sealed class RedisOptions
{
    public const string Section = "Ciudad:Redis";

    /// <summary>Put before every key, so several cities or environments can share one server.</summary>
    public string KeyPrefix { get; set; } = "ciudad:";
}

/// <summary>
/// Where rate limits and sign-in counters live: in Redis, shared by every instance, when
/// <c>ConnectionStrings:Redis</c> is set; in each instance's memory otherwise.
/// </summary>
public static class LimitsSetup
{
    public static IServiceCollection AddCiudadLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MemoryRateWindows>();
        services.AddSingleton<MemorySignInCounters>();
        services.AddSingleton<SignInThrottle>();

        var connectionString = configuration.GetConnectionString(RedisStore.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.AddSingleton<IRateWindows>(sp => sp.GetRequiredService<MemoryRateWindows>());
            services.AddSingleton<ISignInCounters>(sp => sp.GetRequiredService<MemorySignInCounters>());
            return services;
        }

        var options = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        services.AddSingleton(sp => new RedisStore(connectionString, options.KeyPrefix,
            sp.GetRequiredService<ILogger<RedisStore>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IRateWindows, RedisRateWindows>();
        services.AddSingleton<ISignInCounters, RedisSignInCounters>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }
}

/// <summary>
/// Degraded, not unhealthy, while Redis is unreachable: the instance still serves (limits fall back
/// to its memory), so the load balancer keeps it, and monitoring sees the word.
/// </summary>
internal sealed class RedisHealthCheck(RedisStore redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await redis.PingAsync()
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"Redis at {redis.Endpoint} is unreachable; limits are counted per instance until it is back.");
}
