using Ciudad.Platform.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Ciudad.Web;

/// <summary>
/// Lets <c>dotnet ef</c> build the model from the host's module list without starting the site:
/// <c>dotnet ef migrations add NAME --project src/Ciudad.Data.Postgres --startup-project src/Ciudad.Web -- --provider Postgres</c>
/// (and the same with Sqlite; see docs/operations.md).
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<CiudadDbContext>
{
    public CiudadDbContext CreateDbContext(string[] args)
    {
        var at = Array.IndexOf(args, "--provider");
        var name = at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        if (!Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider))
        {
            throw new ArgumentException("Pass the provider after the ef options: -- --provider Sqlite (or Postgres).");
        }
        var connectionString = provider == DatabaseProvider.Sqlite ? "Data Source=design-time.db" : "Host=localhost;Database=ciudad_design";
        return DatabaseSetup.CreateDesignTimeContext(provider, connectionString, CiudadModules.Model);
    }
}
