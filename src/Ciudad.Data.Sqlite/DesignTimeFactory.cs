using Ciudad.Platform.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Ciudad.Data.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CiudadDbContext>
{
    public CiudadDbContext CreateDbContext(string[] args) =>
        DatabaseSetup.CreateDesignTimeContext(DatabaseProvider.Sqlite, "Data Source=design-time.db");
}
