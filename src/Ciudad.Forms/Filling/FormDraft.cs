using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciudad.Forms.Filling;

/// <summary>
/// A form being filled in, kept on the server page by page so nothing typed is lost to the back
/// button, a closed tab or a phone that ran out of battery. Found by the hash of a secret: the one
/// in the visitor's cookie, or the one in an emailed resume link. Signed-in people's drafts are
/// also found by their account. Forgotten <see cref="FormDrafts.Lifetime"/> after the last change.
/// </summary>
internal sealed class FormDraft
{
    public long Id { get; set; }

    /// <summary>SHA-256 of the browser's secret.</summary>
    public required string TokenHash { get; set; }

    /// <summary>SHA-256 of the secret in the latest emailed resume link; a new link replaces the old.</summary>
    public string? ResumeHash { get; set; }

    /// <summary>When the emailed resume link stops working (sooner than the draft itself).</summary>
    public DateTimeOffset? ResumeExpiresAt { get; set; }

    public long FormId { get; set; }

    /// <summary>The version being filled; if a newer one is published meanwhile, the draft keeps this one.</summary>
    public long FormVersionId { get; set; }

    public string? UserId { get; set; }

    public required string AnswersJson { get; set; }

    /// <summary>Pages passed with valid answers, so "check your answers" knows what is done.</summary>
    public string PagesDone { get; set; } = "";

    public required string Culture { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set when submitted: going back shows the confirmation, never a second submission.</summary>
    public string? SubmittedReference { get; set; }

    public bool IsDone(string pageKey) => PagesDone.Split(',').Contains(pageKey, StringComparer.Ordinal);

    public void MarkDone(string pageKey)
    {
        if (!IsDone(pageKey))
        {
            PagesDone = PagesDone.Length == 0 ? pageKey : PagesDone + "," + pageKey;
        }
    }
}

internal sealed class FormDraftConfiguration : IEntityTypeConfiguration<FormDraft>
{
    public void Configure(EntityTypeBuilder<FormDraft> builder)
    {
        builder.ToTable("fm_drafts");
        builder.Property(d => d.TokenHash).HasMaxLength(64);
        builder.HasIndex(d => d.TokenHash).IsUnique();
        builder.Property(d => d.ResumeHash).HasMaxLength(64);
        builder.HasIndex(d => d.ResumeHash);
        builder.HasIndex(d => new { d.UserId, d.FormId });
        builder.HasIndex(d => d.UpdatedAt);
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.Property(d => d.PagesDone).HasMaxLength(2000);
        builder.Property(d => d.Culture).HasMaxLength(16);
        builder.Property(d => d.SubmittedReference).HasMaxLength(16);
        builder.HasOne<Catalog.Form>().WithMany().HasForeignKey(d => d.FormId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Catalog.FormVersion>().WithMany().HasForeignKey(d => d.FormVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
