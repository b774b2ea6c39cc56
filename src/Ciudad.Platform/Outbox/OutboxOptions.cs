using System.ComponentModel.DataAnnotations;

namespace Ciudad.Platform.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Ciudad:Outbox";

    /// <summary>Run the dispatcher in this process. Off for command-line verbs and some tests.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1, 500)] public int BatchSize { get; set; } = 20;

    /// <summary>After this many failed attempts a message goes to the dead-letter list.</summary>
    [Range(1, 100)] public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubles with every attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(15);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a claim lasts; a crashed instance's messages are picked up after it.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);
}
