using Ciudad.Platform.Seeding;

namespace Ciudad.Platform.Tests.CommandLine;

/// <summary>The published demo password never reaches a server: the real executable, in Production.</summary>
public sealed class DemoAdministratorCommandTests
{
    private static readonly Dictionary<string, string> Production = new() { ["ASPNETCORE_ENVIRONMENT"] = "Production" };
    private static readonly Dictionary<string, string> Development = new() { ["ASPNETCORE_ENVIRONMENT"] = "Development" };

    [Fact]
    public async Task In_production_seeding_prints_a_one_time_link_and_a_database_with_the_demo_password_does_not_start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ciudad-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var fresh = $"Data Source={Path.Combine(folder, "production.db")}";
        var fromLaptop = $"Data Source={Path.Combine(folder, "laptop.db")}";

        await AuditVerifyCommandTests.RunCiudadAsync(TestDatabase.Sqlite, fresh, Production, "migrate");
        var seeded = await AuditVerifyCommandTests.RunCiudadAsync(TestDatabase.Sqlite, fresh, Production, "seed-demo");
        await AuditVerifyCommandTests.RunCiudadAsync(TestDatabase.Sqlite, fromLaptop, Development, "migrate");
        var demo = await AuditVerifyCommandTests.RunCiudadAsync(TestDatabase.Sqlite, fromLaptop, Development, "seed-demo");
        var refused = await AuditVerifyCommandTests.RunCiudadAsync(TestDatabase.Sqlite, fromLaptop, Production, "serve");

        Assert.Equal(0, seeded.ExitCode);
        Assert.Contains("one-time link", seeded.Output, StringComparison.Ordinal);
        Assert.Contains("/Account/ResetPassword?email=admin%40ciudad.example", seeded.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoData.AdminPassword, seeded.Output, StringComparison.Ordinal);
        Assert.Contains(DemoData.AdminPassword, demo.Output, StringComparison.Ordinal); // the README's demo still works
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Refusing to start", refused.Output, StringComparison.Ordinal);
    }
}
