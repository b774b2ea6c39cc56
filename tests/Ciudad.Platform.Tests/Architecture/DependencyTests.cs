using Ciudad.Platform.Data;

namespace Ciudad.Platform.Tests.Architecture;

/// <summary>Each provider's migrations build the model the host's module list builds.</summary>
public sealed class DependencyTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=unused")]
    public void Migrations_are_up_to_date_with_the_model_for_each_provider(DatabaseProvider provider, string connectionString)
    {
        using var context = DatabaseSetup.CreateDesignTimeContext(provider, connectionString, Ciudad.Web.CiudadModules.Model);

        // A change to an entity without `dotnet ef migrations add` for this provider fails here.
        Assert.False(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.HasPendingModelChanges(context.Database),
            $"The {provider} migrations do not match the model: add a migration for both providers (docs/operations.md).");
    }
}
