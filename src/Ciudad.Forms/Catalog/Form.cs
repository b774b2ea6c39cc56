using Ciudad.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciudad.Forms.Catalog;

internal enum FormStatus
{
    Draft = 0,
    Published = 1,
    Retired = 2,
}

internal enum FormAudience
{
    /// <summary>Anyone may fill it in, with or without an account.</summary>
    Public = 0,

    /// <summary>Only signed-in staff may fill it in (requests between departments).</summary>
    Internal = 1,
}

/// <summary>
/// A form of the city: its working draft, who owns it and who it is for. What residents fill in is
/// never the draft but the <see cref="FormVersion"/> it was last published as; every submission
/// points at the exact version it was filled against.
/// </summary>
internal sealed class Form
{
    public long Id { get; set; }

    /// <summary>The address (<c>/forms/{slug}</c>); stable once published, since people bookmark it.</summary>
    public required string Slug { get; set; }

    public int DepartmentId { get; set; }

    /// <summary>The draft's title, copied here so the catalog lists forms without reading definitions.</summary>
    public required LocalizedText Title { get; set; }

    /// <summary>What the form is for, in a sentence, for the catalog.</summary>
    public LocalizedText Purpose { get; set; } = LocalizedText.Empty;

    public FormAudience Audience { get; set; }

    public FormStatus Status { get; set; }

    /// <summary>How long submissions are kept after they are decided; then the retention job purges them.</summary>
    public int RetentionDays { get; set; } = 365 * 3;

    /// <summary>The working definition (JSON, <see cref="FormDefinitionJson"/>), edited by the builder.</summary>
    public required string DraftJson { get; set; }

    /// <summary>The version residents fill in now; null until first published.</summary>
    public long? PublishedVersionId { get; set; }

    /// <summary>Set when retired in favour of another form: its page sends people there.</summary>
    public string? ReplacedBySlug { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class FormConfiguration : IEntityTypeConfiguration<Form>
{
    public void Configure(EntityTypeBuilder<Form> builder)
    {
        builder.ToTable("fm_forms");
        builder.Property(f => f.Slug).HasMaxLength(80);
        builder.HasIndex(f => f.Slug).IsUnique();
        builder.HasIndex(f => new { f.Status, f.Audience });
        builder.HasIndex(f => f.DepartmentId);
        builder.Property(f => f.ReplacedBySlug).HasMaxLength(80);
        builder.HasOne<Platform.Departments.Department>().WithMany().HasForeignKey(f => f.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
