using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciudad.Platform.Jobs;

public enum JobOutcome
{
    NeverRun = 0,
    Succeeded = 1,
    Failed = 2,
}

/// <summary>
/// One row per job, shared by every instance: the lease that lets exactly one instance run a due
/// job, and what administrators see about its runs.
/// </summary>
public sealed class JobState
{
    public required string Name { get; set; }
    public DateTimeOffset NextRunAt { get; set; }

    /// <summary>The instance running the job holds it until this instant; after it, another may take over.</summary>
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? LastStartedAt { get; set; }
    public DateTimeOffset? LastFinishedAt { get; set; }
    public JobOutcome LastOutcome { get; set; }
    public string? LastError { get; set; }
    public int ConsecutiveFailures { get; set; }
    public long RunCount { get; set; }
}

internal sealed class JobStateConfiguration : IEntityTypeConfiguration<JobState>
{
    public void Configure(EntityTypeBuilder<JobState> builder)
    {
        builder.ToTable("platform_jobs");
        builder.HasKey(j => j.Name);
        builder.Property(j => j.Name).HasMaxLength(100);
        builder.Property(j => j.LeaseOwner).HasMaxLength(100);
        builder.Property(j => j.LastError).HasMaxLength(2000);
    }
}
