using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ciudad.Platform.Seeding;

/// <summary>
/// El Paso's departments and a demo administrator, so a person trying Ciudad sees a living city.
/// Idempotent: running it twice changes nothing. The administrator gets the README's password only
/// in Development; anywhere else they get no password and the console shows a one-time link where
/// they choose one, as <c>ciudad create-admin</c> does.
/// </summary>
public sealed class DemoData(
    CiudadDbContext db,
    UserManager<CiudadUser> users,
    RoleManager<CiudadRole> roles,
    AuditLog audit,
    TimeProvider clock,
    AdministratorSetup administrators,
    IHostEnvironment environment,
    IEnumerable<IDemoDataContributor> contributors,
    ILogger<DemoData> logger)
{
    public const string AdminEmail = "admin@ciudad.example";

    /// <summary>Printed by the console and the README, so only ever set in Development.</summary>
    public const string AdminPassword = "Ciudad-demo-2026";

    /// <summary>Where the published demo password is allowed: a developer's own machine.</summary>
    public bool DemoPasswordAllowed => environment.IsDevelopment();

    /// <summary>
    /// Outside Development, after seeding: a one-time link where the administrator chooses a password,
    /// while they have none; otherwise null.
    /// </summary>
    public string? AdministratorSetupLink { get; private set; }

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
            db.Departments.Add(new Department { Slug = slug, Name = Localization.LocalizedText.Of(en, es), ContactEmail = email, CreatedAt = clock.GetUtcNow() });
            added++;
        }
        if (added > 0)
        {
            audit.Record("demo.seeded", nameof(Department), null, after: new { departments = added }, actor: AuditActor.System);
            await db.SaveChangesAsync(cancellationToken);
        }

        var administrator = await users.FindByEmailAsync(AdminEmail);
        if (!DemoPasswordAllowed)
        {
            AdministratorSetupLink = administrator is null || !await users.HasPasswordAsync(administrator)
                ? await administrators.CreateAsync(AdminEmail, cancellationToken)
                : null;
        }
        else if (administrator is null)
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

    /// <summary>
    /// True when the demo administrator still has the published password: a database made by a
    /// developer's <c>dotnet run</c> must not go live like that.
    /// </summary>
    public async Task<bool> DemoPasswordInUseAsync()
    {
        var admin = await users.FindByEmailAsync(AdminEmail);
        return admin is not null && await users.HasPasswordAsync(admin) && await users.CheckPasswordAsync(admin, AdminPassword);
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
