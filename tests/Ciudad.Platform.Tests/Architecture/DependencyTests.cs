using Ciudad.Platform.Data;
using NetArchTest.Rules;

namespace Ciudad.Platform.Tests.Architecture;

/// <summary>The module boundaries docs/architecture.md promises, kept true by the build.</summary>
public sealed class DependencyTests
{
    [Fact]
    public void Platform_does_not_depend_on_the_host()
    {
        var result = Types.InAssembly(typeof(PlatformModule).Assembly)
            .ShouldNot().HaveDependencyOn("Ciudad.Web")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Migrations_depend_only_on_the_platform_model()
    {
        foreach (var assembly in new[] { System.Reflection.Assembly.Load("Ciudad.Data.Sqlite"), System.Reflection.Assembly.Load("Ciudad.Data.Postgres") })
        {
            var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOn("Ciudad.Web").GetResult();
            Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
        }
    }

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

    [Fact]
    public void Every_table_carries_its_module_prefix()
    {
        using var context = DatabaseSetup.CreateDesignTimeContext(DatabaseProvider.Sqlite, "Data Source=:memory:", Ciudad.Web.CiudadModules.Model);

        var tables = context.Model.GetEntityTypes()
            .Select(e => (Type: e.ClrType, Table: Microsoft.EntityFrameworkCore.RelationalEntityTypeExtensions.GetTableName(e)))
            .Where(t => t.Table is not null)
            .ToList();

        // Platform tables start platform_, 311 tables sr_: a table's owner is visible in the database.
        Assert.All(tables, t => Assert.StartsWith(
            t.Type.Assembly == typeof(Ciudad.ServiceRequests.ServiceRequestsModule).Assembly ? "sr_" : "platform_",
            t.Table, StringComparison.Ordinal));
    }

    [Fact]
    public void The_service_requests_module_does_not_depend_on_the_host()
    {
        var result = Types.InAssembly(typeof(Ciudad.ServiceRequests.ServiceRequestsModule).Assembly)
            .ShouldNot().HaveDependencyOn("Ciudad.Web")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
