using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciudad.Forms.Submissions;

internal enum SubmissionEventKind
{
    Submitted = 0,
    StatusChanged = 1,

    /// <summary>A note between staff; never shown to the submitter.</summary>
    Comment = 2,

    /// <summary>Staff asked the submitter a question (shown to them, and emailed).</summary>
    InformationRequested = 3,

    /// <summary>The submitter's answer to that question.</summary>
    InformationProvided = 4,
    Assigned = 5,
}

/// <summary>One line of a submission's timeline.</summary>
internal sealed class SubmissionEvent
{
    public long Id { get; set; }
    public long SubmissionId { get; set; }
    public DateTimeOffset At { get; set; }
    public SubmissionEventKind Kind { get; set; }

    /// <summary>The status after this event, for status changes and questions.</summary>
    public SubmissionStatus? Status { get; set; }

    public string? Text { get; set; }

    /// <summary>Who acted: a staff member's email, or null for the submitter.</summary>
    public string? ActorEmail { get; set; }

    public bool VisibleToSubmitter { get; set; }
}

internal sealed class SubmissionEventConfiguration : IEntityTypeConfiguration<SubmissionEvent>
{
    public void Configure(EntityTypeBuilder<SubmissionEvent> builder)
    {
        builder.ToTable("fm_submission_events");
        builder.HasIndex(e => new { e.SubmissionId, e.At });
        builder.Property(e => e.Text).HasMaxLength(4000);
        builder.Property(e => e.ActorEmail).HasMaxLength(256);
    }
}
