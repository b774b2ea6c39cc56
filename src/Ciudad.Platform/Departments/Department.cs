using Ciudad.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciudad.Platform.Departments;

public sealed class Department
{
    public int Id { get; set; }

    /// <summary>Stable, URL-safe name ("streets-and-maintenance") used by seeds and imports.</summary>
    public required string Slug { get; set; }

    /// <summary>In every configured language; English and Spanish always.</summary>
    public required LocalizedText Name { get; set; }
    public required string ContactEmail { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }

    public List<DepartmentMember> Members { get; set; } = [];
}

public enum DepartmentRole
{
    Agent = 0,
    Manager = 1,
}

public sealed class DepartmentMember
{
    public int DepartmentId { get; set; }
    public required string UserId { get; set; }
    public DepartmentRole Role { get; set; }
    public DateTimeOffset AddedAt { get; set; }

    public Department? Department { get; set; }
    public Identity.CiudadUser? User { get; set; }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("platform_departments");
        builder.Property(d => d.Slug).HasMaxLength(80);
        builder.Property(d => d.ContactEmail).HasMaxLength(256);
        builder.HasIndex(d => d.Slug).IsUnique();
    }
}

internal sealed class DepartmentMemberConfiguration : IEntityTypeConfiguration<DepartmentMember>
{
    public void Configure(EntityTypeBuilder<DepartmentMember> builder)
    {
        builder.ToTable("platform_department_members");
        builder.HasKey(m => new { m.DepartmentId, m.UserId });
        builder.HasOne(m => m.Department).WithMany(d => d.Members).HasForeignKey(m => m.DepartmentId);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.UserId);
    }
}
