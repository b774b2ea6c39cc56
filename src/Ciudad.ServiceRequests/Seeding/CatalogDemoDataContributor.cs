using Ciudad.Platform.Seeding;

namespace Ciudad.ServiceRequests.Seeding;

internal sealed class CatalogDemoDataContributor(CatalogDemoData catalog) : IDemoDataContributor
{
    public int Order => 10;

    public Task SeedAsync(CancellationToken cancellationToken) => catalog.SeedAsync(cancellationToken);
}
