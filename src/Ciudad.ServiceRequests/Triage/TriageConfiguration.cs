using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciudad.ServiceRequests.Triage;

internal sealed class ResponseTemplateConfiguration : IEntityTypeConfiguration<ResponseTemplate>
{
    public void Configure(EntityTypeBuilder<ResponseTemplate> builder)
    {
        builder.ToTable("sr_response_templates");
        builder.HasOne<Catalog.Service>().WithMany().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Platform.Departments.Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.DepartmentId);
    }
}

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> builder)
    {
        builder.ToTable("sr_saved_views");
        builder.Property(v => v.Name).HasMaxLength(100);
        builder.Property(v => v.Query).HasMaxLength(2000);
        builder.HasOne<Platform.Identity.CiudadUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => v.UserId);
    }
}
