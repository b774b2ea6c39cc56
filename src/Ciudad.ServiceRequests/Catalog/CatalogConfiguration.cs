using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciudad.ServiceRequests.Catalog;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.ToTable("sr_services");
        builder.Property(s => s.Code).HasMaxLength(64);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.HasOne<Platform.Departments.Department>().WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Attributes).WithOne().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceAttributeConfiguration : IEntityTypeConfiguration<ServiceAttribute>
{
    public void Configure(EntityTypeBuilder<ServiceAttribute> builder)
    {
        builder.ToTable("sr_service_attributes");
        builder.Property(a => a.Code).HasMaxLength(64);
        builder.HasIndex(a => new { a.ServiceId, a.Code }).IsUnique();
        builder.HasMany(a => a.Values).WithOne().HasForeignKey(v => v.AttributeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttributeValueConfiguration : IEntityTypeConfiguration<AttributeValue>
{
    public void Configure(EntityTypeBuilder<AttributeValue> builder)
    {
        builder.ToTable("sr_attribute_values");
        builder.Property(v => v.Key).HasMaxLength(64);
        builder.HasIndex(v => new { v.AttributeId, v.Key }).IsUnique();
    }
}
