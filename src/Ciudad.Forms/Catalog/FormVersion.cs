using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciudad.Forms.Catalog;

/// <summary>A published definition. Never changed after it is written: submissions are read against it.</summary>
internal sealed class FormVersion
{
    public long Id { get; set; }
    public long FormId { get; set; }

    /// <summary>1 for the first publication, then 2, 3…</summary>
    public int Number { get; set; }

    public required string DefinitionJson { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
}

internal sealed class FormVersionConfiguration : IEntityTypeConfiguration<FormVersion>
{
    public void Configure(EntityTypeBuilder<FormVersion> builder)
    {
        builder.ToTable("fm_form_versions");
        builder.HasIndex(v => new { v.FormId, v.Number }).IsUnique();
        builder.HasOne<Form>().WithMany().HasForeignKey(v => v.FormId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(v => v.PublishedBy).HasMaxLength(256);
    }
}
