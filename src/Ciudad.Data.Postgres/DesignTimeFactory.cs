using Ciudad.Platform.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Ciudad.Data.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model; no server is contacted.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CiudadDbContext>
{
    public CiudadDbContext CreateDbContext(string[] args) =>
        DatabaseSetup.CreateDesignTimeContext(DatabaseProvider.Postgres, "Host=localhost;Database=ciudad_design");
}
