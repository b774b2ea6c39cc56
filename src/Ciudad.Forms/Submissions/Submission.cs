using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciudad.Forms.Submissions;

/// <summary>Where a submission is in its department's review.</summary>
internal enum SubmissionStatus
{
    Received = 0,
    InReview = 1,

    /// <summary>Staff asked the submitter something; their answer returns it to review.</summary>
    NeedsInformation = 2,
    Approved = 3,
    Rejected = 4,
}

/// <summary>A filled-in form, as submitted against one published version.</summary>
internal sealed class Submission
{
    public long Id { get; set; }

    /// <summary>What the submitter quotes ("F-7K3M-9QPW"): letters and digits that cannot be misread.</summary>
    public required string Reference { get; set; }

    public long FormId { get; set; }
    public long FormVersionId { get; set; }

    /// <summary>Copied from the form when submitted, so each inbox is one indexed query.</summary>
    public int DepartmentId { get; set; }

    /// <summary>The answers (<see cref="FormAnswers.ToJson"/>), exactly as validated.</summary>
    public required string AnswersJson { get; set; }

    /// <summary>The language it was filled in: its receipt, emails and PDF copy use it.</summary>
    public required string Culture { get; set; }

    /// <summary>Where receipts and questions go; from the form's email answer or the account.</summary>
    public string? Email { get; set; }

    public string? UserId { get; set; }

    /// <summary>The submitter's name as given (for the inbox); null when the form asks none.</summary>
    public string? SubmitterName { get; set; }

    public long? FeeCents { get; set; }

    public SubmissionStatus Status { get; set; }

    public string? AssignedToUserId { get; set; }
    public string? AssignedToEmail { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When it was approved or rejected; retention counts from here.</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    public List<SubmissionEvent> Events { get; set; } = [];

    public bool IsDecided => Status is SubmissionStatus.Approved or SubmissionStatus.Rejected;
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("fm_submissions");
        builder.Property(s => s.Reference).HasMaxLength(16);
        builder.HasIndex(s => s.Reference).IsUnique();
        builder.HasIndex(s => new { s.DepartmentId, s.Status, s.SubmittedAt });
        builder.HasIndex(s => new { s.FormId, s.SubmittedAt });
        builder.HasIndex(s => s.DecidedAt);
        builder.HasIndex(s => s.UserId);
        builder.Property(s => s.Culture).HasMaxLength(16);
        builder.Property(s => s.Email).HasMaxLength(256);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.SubmitterName).HasMaxLength(200);
        builder.Property(s => s.AssignedToUserId).HasMaxLength(450);
        builder.Property(s => s.AssignedToEmail).HasMaxLength(256);
        builder.HasOne<Catalog.Form>().WithMany().HasForeignKey(s => s.FormId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Catalog.FormVersion>().WithMany().HasForeignKey(s => s.FormVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Events).WithOne().HasForeignKey(e => e.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}
