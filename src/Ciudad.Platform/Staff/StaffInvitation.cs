using Ciudad.Platform.Departments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciudad.Platform.Staff;

/// <summary>
/// An administrator's invitation to join as staff. Only a SHA-256 of the emailed token is stored,
/// so a database reader cannot accept someone else's invitation.
/// </summary>
public sealed class StaffInvitation
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public int? DepartmentId { get; set; }
    public required string Role { get; set; }
    public required string TokenHash { get; set; }
    public required string InvitedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }

    public Department? Department { get; set; }
}

internal sealed class StaffInvitationConfiguration : IEntityTypeConfiguration<StaffInvitation>
{
    public void Configure(EntityTypeBuilder<StaffInvitation> builder)
    {
        builder.ToTable("platform_staff_invitations");
        builder.Property(i => i.Role).HasMaxLength(40);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasOne<Identity.CiudadUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Department).WithMany().HasForeignKey(i => i.DepartmentId).OnDelete(DeleteBehavior.SetNull);
    }
}
