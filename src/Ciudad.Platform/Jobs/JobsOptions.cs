using System.ComponentModel.DataAnnotations;

namespace Ciudad.Platform.Jobs;

/// <summary>The runner's own settings; each job's schedule is <c>Ciudad:Jobs:{Name}:Every</c> / <c>:Enabled</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = JobSchedules.Section;

    /// <summary>Run scheduled jobs in this process at all.</summary>
    public bool RunnerEnabled { get; set; } = true;

    /// <summary>How long an instance holds a job it started; a crashed instance's job is taken over after it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest the runner sleeps, so it notices "Run now" pressed on another instance.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan MaxIdle { get; set; } = TimeSpan.FromSeconds(15);
}
