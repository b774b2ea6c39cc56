using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ciudad.Platform.Seeding;

/// <summary>
/// El Paso's departments and a demo administrator, so a person trying Ciudad sees a living city.
/// Idempotent: running it twice changes nothing.
/// </summary>
public sealed class DemoData(
    CiudadDbContext db,
    UserManager<CiudadUser> users,
    RoleManager<CiudadRole> roles,
    AuditLog audit,
    TimeProvider clock,
    IEnumerable<IDemoDataContributor> contributors,
    ILogger<DemoData> logger)
{
    public const string AdminEmail = "admin@ciudad.example";

    /// <summary>Printed by the console and the README; the embedded default is a demo, never production.</summary>
    public const string AdminPassword = "Ciudad-demo-2026";

    public static IReadOnlyList<(string Slug, string En, string Es, string Email)> ElPasoDepartments { get; } =
    [
        ("streets-and-maintenance", "Streets and Maintenance", "Calles y Mantenimiento", "streets@elpasotexas.gov"),
        ("environmental-services", "Environmental Services", "Servicios Ambientales", "environmentalservices@elpasotexas.gov"),
        ("code-compliance", "Code Compliance", "Cumplimiento de Códigos", "codecompliance@elpasotexas.gov"),
        ("animal-services", "Animal Services", "Servicios de Animales", "animalservices@elpasotexas.gov"),
        ("parks-and-recreation", "Parks and Recreation", "Parques y Recreación", "parks@elpasotexas.gov"),
        ("planning-and-inspections", "Planning and Inspections", "Planeación e Inspecciones", "planning@elpasotexas.gov"),
        ("municipal-court", "Municipal Court", "Corte Municipal", "municipalcourt@elpasotexas.gov"),
        ("sun-metro", "Sun Metro", "Sun Metro", "sunmetro@elpasotexas.gov"),
        ("public-health", "Public Health", "Salud Pública", "publichealth@elpasotexas.gov"),
        ("fire", "Fire", "Bomberos", "fire@elpasotexas.gov"),
        ("police", "Police", "Policía", "police@elpasotexas.gov"),
        ("library", "Library", "Biblioteca", "library@elpasotexas.gov"),
        ("human-resources", "Human Resources", "Recursos Humanos", "hr@elpasotexas.gov"),
        ("purchasing", "Purchasing", "Compras", "purchasing@elpasotexas.gov"),
        ("information-technology", "Information Technology Services", "Servicios de Tecnología de la Información", "doits@elpasotexas.gov"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await EnsureRolesAsync(roles);
        var existing = await db.Departments.Select(d => d.Slug).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var (slug, en, es, email) in ElPasoDepartments.Where(d => !existing.Contains(d.Slug)))
        {
            db.Departments.Add(new Department { Slug = slug, NameEn = en, NameEs = es, ContactEmail = email, CreatedAt = clock.GetUtcNow() });
            added++;
        }
        if (added > 0)
        {
            audit.Record("demo.seeded", nameof(Department), null, after: new { departments = added }, actor: AuditActor.System);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (await users.FindByEmailAsync(AdminEmail) is null)
        {
            var admin = new CiudadUser
            {
                UserName = AdminEmail,
                Email = AdminEmail,
                EmailConfirmed = true,
                DisplayName = "Demo Administrator",
                IsStaff = true,
                CreatedAt = clock.GetUtcNow(),
            };
            Check(await users.CreateAsync(admin, AdminPassword));
            Check(await users.AddToRoleAsync(admin, StaffRoles.Administrator));
            await audit.RecordNowAsync("staff.administrator-created", nameof(CiudadUser), admin.Id,
                after: new { email = AdminEmail, demo = true }, actor: AuditActor.System, cancellationToken: cancellationToken);
        }
        foreach (var contributor in contributors.OrderBy(c => c.Order))
        {
            await contributor.SeedAsync(cancellationToken);
        }
        logger.LogInformation("Demo data present: {Departments} departments, administrator {Email}", ElPasoDepartments.Count, AdminEmail);
    }

    public static async Task EnsureRolesAsync(RoleManager<CiudadRole> roles)
    {
        foreach (var role in StaffRoles.All.Where(r => r == StaffRoles.Administrator))
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new CiudadRole(role)));
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
