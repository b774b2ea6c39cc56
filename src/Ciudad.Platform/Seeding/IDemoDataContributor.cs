namespace Ciudad.Platform.Seeding;

/// <summary>
/// A module's share of the demo data (the 311 catalog, sample requests). Runs after the platform's
/// departments and administrator exist, in <see cref="Order"/>; must be idempotent.
/// </summary>
public interface IDemoDataContributor
{
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
