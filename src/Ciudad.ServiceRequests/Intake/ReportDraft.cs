using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciudad.ServiceRequests.Intake;

/// <summary>
/// A web report being written, one page at a time. Kept on the server (not in hidden fields) so
/// that photos, already processed, survive from page to page and the back button never loses
/// anything. Found by the hash of a random token in the visitor's cookie; forgotten after a day.
/// </summary>
internal sealed class ReportDraft
{
    public long Id { get; set; }

    /// <summary>SHA-256 of the cookie's token: a copy of the database does not open anyone's draft.</summary>
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string? ServiceCode { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Address { get; set; }
    public string? Zipcode { get; set; }
    public bool LocationSaved { get; set; }

    public string? Description { get; set; }

    /// <summary>Answers by attribute code, as JSON (values as typed, checked again at submit).</summary>
    public string AnswersJson { get; set; } = "{}";
    public bool DetailsSaved { get; set; }

    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool NotifyByEmail { get; set; } = true;
    public bool ContactSaved { get; set; }

    /// <summary>Set once submitted, so going back to a step shows the confirmation, never a second report.</summary>
    public string? SubmittedNumber { get; set; }
    public bool SubmittedWithEmail { get; set; }

    public List<ReportDraftPhoto> Photos { get; set; } = [];

    public Dictionary<string, List<string>> Answers
    {
        get => JsonSerializer.Deserialize<Dictionary<string, List<string>>>(AnswersJson) ?? [];
        set => AnswersJson = JsonSerializer.Serialize(value);
    }

    /// <summary>Choosing another service makes the old service's answers meaningless.</summary>
    public void ChangeService(string code)
    {
        if (ServiceCode == code)
        {
            return;
        }
        ServiceCode = code;
        Answers = [];
        DetailsSaved = false;
    }
}

/// <summary>A photo of a draft, stored only after <see cref="Photos.PhotoProcessor"/> re-encoded it.</summary>
internal sealed class ReportDraftPhoto
{
    public Guid Id { get; set; }
    public long DraftId { get; set; }
    public int Order { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public required byte[] Thumbnail { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
}

internal sealed class ReportDraftConfiguration : IEntityTypeConfiguration<ReportDraft>
{
    public void Configure(EntityTypeBuilder<ReportDraft> builder)
    {
        builder.ToTable("sr_report_drafts");
        builder.Property(d => d.TokenHash).HasMaxLength(64);
        builder.HasIndex(d => d.TokenHash).IsUnique();
        builder.HasIndex(d => d.CreatedAt);
        builder.Property(d => d.ServiceCode).HasMaxLength(64);
        builder.Property(d => d.Address).HasMaxLength(300);
        builder.Property(d => d.Zipcode).HasMaxLength(10);
        builder.Property(d => d.Description).HasMaxLength(RequestIntake.MaxDescriptionLength);
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.Email).HasMaxLength(256);
        builder.Property(d => d.Phone).HasMaxLength(40);
        builder.Property(d => d.SubmittedNumber).HasMaxLength(16);
        builder.Ignore(d => d.Answers);
        builder.HasMany(d => d.Photos).WithOne().HasForeignKey(p => p.DraftId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportDraftPhotoConfiguration : IEntityTypeConfiguration<ReportDraftPhoto>
{
    public void Configure(EntityTypeBuilder<ReportDraftPhoto> builder)
    {
        builder.ToTable("sr_report_draft_photos");
        builder.Property(p => p.ContentType).HasMaxLength(40);
        builder.HasIndex(p => p.DraftId);
    }
}
