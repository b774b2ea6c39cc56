using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciudad.ServiceRequests.Requests;

internal sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> builder)
    {
        builder.ToTable("sr_requests");
        builder.Property(r => r.Number).HasMaxLength(16);
        builder.HasIndex(r => r.Number).IsUnique();
        builder.Property(r => r.Description).HasMaxLength(4000);
        builder.Property(r => r.Address).HasMaxLength(300);
        builder.Property(r => r.AddressId).HasMaxLength(100);
        builder.Property(r => r.Zipcode).HasMaxLength(10);
        builder.Property(r => r.AreaCode).HasMaxLength(40);
        builder.Property(r => r.StatusNotes).HasMaxLength(4000);
        builder.Property(r => r.Token).HasMaxLength(64);
        builder.HasIndex(r => r.Token).IsUnique();
        builder.Property(r => r.DeviceId).HasMaxLength(200);
        builder.Property(r => r.AccountId).HasMaxLength(200);
        builder.Property(r => r.ReporterName).HasMaxLength(200);
        builder.Property(r => r.ReporterEmail).HasMaxLength(256);
        builder.Property(r => r.ReporterPhone).HasMaxLength(40);
        builder.Property(r => r.ReporterCulture).HasMaxLength(8);

        builder.HasOne(r => r.Service).WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Platform.Departments.Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceRequest>().WithMany().HasForeignKey(r => r.ParentRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Photos).WithOne().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Followers).WithOne().HasForeignKey(f => f.RequestId).OnDelete(DeleteBehavior.Cascade);

        // The Open311 list: service + status + requested window, newest first. With the id (the
        // tie-break) in the index, PostgreSQL reads one page in order and stops; no sort.
        builder.HasIndex(r => new { r.ServiceId, r.IsOpen, r.RequestedAt, r.Id });
        builder.HasIndex(r => r.RequestedAt);
        builder.HasIndex(r => r.UpdatedAt);
        // Department queues: open work by age, and by assignee.
        builder.HasIndex(r => new { r.DepartmentId, r.IsOpen, r.RequestedAt });
        builder.HasIndex(r => new { r.AssignedToUserId, r.IsOpen });
        // The SLA breach job looks only at open requests with a target.
        builder.HasIndex(r => new { r.IsOpen, r.ExpectedAt });
        // The dashboard's "closed in the period" aggregates, and the public list's area filter.
        builder.HasIndex(r => r.ClosedAt);
        builder.HasIndex(r => new { r.AreaCode, r.RequestedAt });
        builder.HasIndex(r => r.ReporterUserId);
        builder.HasIndex(r => r.ParentRequestId);
        // Staff's list of address-only requests the locator could not place.
        builder.HasIndex(r => new { r.AddressMatch, r.IsOpen });
    }
}

internal sealed class RequestAnswerConfiguration : IEntityTypeConfiguration<RequestAnswer>
{
    public void Configure(EntityTypeBuilder<RequestAnswer> builder)
    {
        builder.ToTable("sr_request_answers");
        builder.Property(a => a.AttributeCode).HasMaxLength(64);
        builder.Property(a => a.Value).HasMaxLength(4000);
        builder.HasIndex(a => a.RequestId);
    }
}

internal sealed class RequestPhotoConfiguration : IEntityTypeConfiguration<RequestPhoto>
{
    public void Configure(EntityTypeBuilder<RequestPhoto> builder)
    {
        builder.ToTable("sr_request_photos");
        builder.Property(p => p.ContentType).HasMaxLength(40);
        builder.HasIndex(p => p.RequestId);
    }
}

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> builder)
    {
        builder.ToTable("sr_request_events");
        builder.Property(e => e.Note).HasMaxLength(4000);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.Detail).HasMaxLength(1000);
        builder.HasIndex(e => new { e.RequestId, e.OccurredAt });
        // Open311 servicerequestupdates: public events in a time window.
        builder.HasIndex(e => new { e.IsPublic, e.OccurredAt });
    }
}

internal sealed class RequestFollowerConfiguration : IEntityTypeConfiguration<RequestFollower>
{
    public void Configure(EntityTypeBuilder<RequestFollower> builder)
    {
        builder.ToTable("sr_request_followers");
        builder.Property(f => f.Email).HasMaxLength(256);
        builder.Property(f => f.Culture).HasMaxLength(8);
        builder.Property(f => f.UnsubscribeToken).HasMaxLength(64);
        builder.HasIndex(f => new { f.RequestId, f.Email }).IsUnique();
        builder.HasIndex(f => f.UnsubscribeToken).IsUnique();
        builder.Property(f => f.ConfirmationTokenHash).HasMaxLength(64);
        builder.HasIndex(f => f.ConfirmationTokenHash).IsUnique();
        builder.HasIndex(f => f.UserId);
    }
}
