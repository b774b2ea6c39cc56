using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ciudad.Platform.Jobs;

/// <summary>
/// A job as registered: its stable name (the row in <c>platform_jobs</c> and the settings
/// <c>Ciudad:Jobs:{Name}:Every</c> / <c>:Enabled</c>), its class and its default interval.
/// <paramref name="EnabledSetting"/> and <paramref name="EverySetting"/> name older settings that
/// still work when the job's own are absent.
/// </summary>
public sealed record JobDefinition(string Name, Type JobType, TimeSpan DefaultEvery, string? EnabledSetting = null, string? EverySetting = null);

public static partial class JobRegistration
{
    /// <summary>
    /// Adds a scheduled job. <paramref name="name"/> is stored and appears in settings, so it never
    /// changes once deployed (letters, digits and dashes). A job class already registered (for
    /// example as a singleton) keeps its registration.
    /// </summary>
    public static IServiceCollection AddCiudadJob<TJob>(this IServiceCollection services, string name, TimeSpan defaultEvery,
        string? enabledSetting = null, string? everySetting = null)
        where TJob : class, ICiudadJob
    {
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException($"Job name '{name}' must be 1-100 letters, digits or dashes.", nameof(name));
        }
        if (defaultEvery <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(defaultEvery), "A job's interval must be positive.");
        }
        services.TryAddScoped<TJob>();
        services.AddSingleton(new JobDefinition(name, typeof(TJob), defaultEvery, enabledSetting, everySetting));
        return services;
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,100}$")]
    private static partial Regex ValidName();
}

public static class JobServices
{
    /// <summary>The runner (a hosted service in every instance), the shared job rows and the administrators' board.</summary>
    public static IServiceCollection AddCiudadJobs(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JobSchedules>();
        services.AddScoped<JobStore>();
        services.AddScoped<JobBoard>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return services;
    }
}
