using Ciudad.Platform.Audit;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Outbox;
using Ciudad.Platform.Staff;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ciudad.Platform.Data;

/// <summary>
/// The one DbContext of Ciudad. Platform tables carry the <c>platform_</c> prefix; each module
/// contributes its own entity configurations through <see cref="ModuleModelCatalog"/>, found in
/// the application's services, so the constructor takes the options only (what pooling needs) and
/// the context keeps no state of its own.
/// </summary>
public sealed class CiudadDbContext(DbContextOptions<CiudadDbContext> options)
    : IdentityDbContext<CiudadUser, CiudadRole, string,
        IdentityUserClaim<string>, IdentityUserRole<string>, IdentityUserLogin<string>,
        IdentityRoleClaim<string>, IdentityUserToken<string>, IdentityUserPasskey<string>>(options),
      IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<DepartmentMember> DepartmentMembers => Set<DepartmentMember>();
    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity reads its schema version (3: with passkeys) from IdentityOptions; see
        // DatabaseSetup.CreateDesignTimeContext for how migrations get the same model.
        base.OnModelCreating(builder);
        builder.Entity<CiudadUser>().ToTable("platform_users");
        // Written only by SingleUseAuthenticatorTokenProvider's conditional UPDATE: Identity saves the
        // whole user row it loaded, which would otherwise put back an older time step and reopen it.
        builder.Entity<CiudadUser>().Property(u => u.LastAuthenticatorTimeStep).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        builder.Entity<CiudadRole>().ToTable("platform_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("platform_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("platform_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("platform_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("platform_user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("platform_role_claims");
        builder.Entity<IdentityUserPasskey<string>>().ToTable("platform_user_passkeys");
        builder.Entity<DataProtectionKey>().ToTable("platform_data_protection_keys");

        LocalizedTextMapping.MapFunctions(builder, Database.IsNpgsql());
        builder.ApplyConfigurationsFromAssembly(typeof(CiudadDbContext).Assembly);
        foreach (var assembly in ModulesOf(options).Assemblies)
        {
            builder.ApplyConfigurationsFromAssembly(assembly);
        }
    }

    /// <summary>
    /// The modules whose tables the model holds, from the application's services (EF hands the
    /// context the provider it was registered in). A model without them would miss whole modules,
    /// so its absence is an error, not an empty list.
    /// </summary>
    private static ModuleModelCatalog ModulesOf(DbContextOptions options) =>
        options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.ApplicationServiceProvider
            ?.GetService(typeof(ModuleModelCatalog)) as ModuleModelCatalog
        ?? throw new InvalidOperationException("CiudadDbContext needs a ModuleModelCatalog among the application services (PlatformModule registers it).");

    /// <summary>
    /// Saves the unit of work; when it holds new audit entries, links them into the hash chain
    /// inside the same transaction as the change they describe.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pendingAudit = ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .ToList();
        if (pendingAudit.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            await AuditChain.SealAsync(this, pendingAudit, cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>Audit entries need the async path (it takes a lock and reads the chain's tail).</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added))
        {
            throw new InvalidOperationException("Audit entries must be saved with SaveChangesAsync.");
        }
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no instant type; EF stores DateTimeOffset there as text that neither sorts nor
        // compares correctly. UTC ticks as an integer do both, and PostgreSQL keeps timestamptz.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
        LocalizedTextMapping.Configure(configurationBuilder, Database.IsNpgsql());
    }
}

/// <summary>The assemblies whose <c>IEntityTypeConfiguration</c>s join the one model.</summary>
public sealed class ModuleModelCatalog(IEnumerable<System.Reflection.Assembly> assemblies)
{
    // Only assemblies that configure entities; a module may contribute strings and pages alone.
    public IReadOnlyList<System.Reflection.Assembly> Assemblies { get; } = assemblies.Distinct()
        .Where(a => a.GetTypes().Any(t => !t.IsAbstract && t.GetInterfaces().Any(i =>
            i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))))
        .ToList();

    public static ModuleModelCatalog PlatformOnly { get; } = new([]);
}
