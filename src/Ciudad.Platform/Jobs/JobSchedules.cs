using Microsoft.Extensions.Configuration;

namespace Ciudad.Platform.Jobs;

/// <summary>A job with the schedule this instance's configuration gives it.</summary>
public sealed record ScheduledJob(string Name, Type JobType, TimeSpan Every, bool Enabled);

/// <summary>
/// Every registered job and its schedule: <c>Ciudad:Jobs:{Name}:Every</c> (a TimeSpan, default the
/// registration's) and <c>Ciudad:Jobs:{Name}:Enabled</c> (default true), each falling back to the
/// job's older setting when it has one.
/// </summary>
public sealed class JobSchedules
{
    public const string Section = "Ciudad:Jobs";

    public JobSchedules(IEnumerable<JobDefinition> definitions, IConfiguration configuration)
    {
        var list = definitions.ToList();
        var duplicate = list.GroupBy(d => d.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two jobs are registered as '{duplicate.Key}'.");
        }
        All = list.Select(d => Resolve(d, configuration)).ToList();
    }

    public IReadOnlyList<ScheduledJob> All { get; }

    public IEnumerable<ScheduledJob> Enabled => All.Where(j => j.Enabled);

    public ScheduledJob? Find(string name) => All.FirstOrDefault(j => j.Name == name);

    private static ScheduledJob Resolve(JobDefinition definition, IConfiguration configuration)
    {
        var own = configuration.GetSection($"{Section}:{definition.Name}");
        var every = Read(own["Every"], definition.EverySetting, configuration, TimeSpan.Parse, definition.DefaultEvery, definition.Name, "Every");
        var enabled = Read(own["Enabled"], definition.EnabledSetting, configuration, bool.Parse, true, definition.Name, "Enabled");
        if (every <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}:{definition.Name}:Every must be a positive time span.");
        }
        return new ScheduledJob(definition.Name, definition.JobType, every, enabled);
    }

    private static T Read<T>(string? own, string? olderKey, IConfiguration configuration, Func<string, T> parse, T fallback, string job, string setting)
    {
        var text = own ?? (olderKey is null ? null : configuration[olderKey]);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        try
        {
            return parse(text.Trim());
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"{Section}:{job}:{setting} has a value that is not valid: '{text}'.", ex);
        }
    }
}
