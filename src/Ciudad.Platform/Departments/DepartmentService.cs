using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Platform.Departments;

public sealed record DepartmentInput(string Slug, LocalizedText Name, string ContactEmail, bool IsActive);

/// <summary>Creates and edits departments and their members; every change is audited with before/after.</summary>
public sealed class DepartmentService(CiudadDbContext db, AuditLog audit, TimeProvider clock)
{
    public Task<List<Department>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Departments.AsNoTracking().Include(d => d.Members).OrderBy(d => LocalizedTextSql.In(d.Name, SupportedCultures.English)).ToListAsync(cancellationToken);

    public Task<Department?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Departments.Include(d => d.Members).ThenInclude(m => m.User).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    public Task<bool> SlugTakenAsync(string slug, int? exceptId, CancellationToken cancellationToken = default) =>
        db.Departments.AnyAsync(d => d.Slug == slug && d.Id != exceptId, cancellationToken);

    public async Task<Department> CreateAsync(DepartmentInput input, CancellationToken cancellationToken = default)
    {
        var department = new Department
        {
            Slug = input.Slug,
            Name = ContentCultures.EnsureComplete(input.Name, "A department's name"),
            ContactEmail = input.ContactEmail,
            IsActive = input.IsActive,
            CreatedAt = clock.GetUtcNow(),
        };
        // The id comes from the first save; one transaction keeps the department and its audit entry together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Departments.Add(department);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordNowAsync("department.created", nameof(Department), department.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            after: Snapshot(department), cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return department;
    }

    public async Task UpdateAsync(Department department, DepartmentInput input, CancellationToken cancellationToken = default)
    {
        var before = Snapshot(department);
        department.Slug = input.Slug;
        department.Name = ContentCultures.EnsureComplete(input.Name, "A department's name");
        department.ContactEmail = input.ContactEmail;
        department.IsActive = input.IsActive;
        audit.Record("department.updated", nameof(Department), department.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before, Snapshot(department));
        await db.SaveChangesAsync(cancellationToken);
    }

    public static object Snapshot(Department d) => new { d.Slug, d.Name, d.ContactEmail, d.IsActive };
}
