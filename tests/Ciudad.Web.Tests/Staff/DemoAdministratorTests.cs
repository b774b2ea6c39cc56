using Ciudad.Platform.Identity;
using Ciudad.Platform.Seeding;
using Ciudad.Platform.Staff;
using Ciudad.Web.Tests.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Web.Tests.Staff;

/// <summary>The README's demo password exists only on a developer's machine (Development).</summary>
public sealed class DemoAdministratorTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Outside_development_the_demo_administrator_has_no_known_password_but_a_setup_link(TestDatabase db)
    {
        var app = await fixture.For(db); // the test apps run as "Testing", seeded like an empty production folder
        var (hasPassword, link) = await app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CiudadUser>>();
            var demo = sp.GetRequiredService<DemoData>();
            await demo.SeedAsync(); // a second start: still no password, a fresh link
            return (await users.HasPasswordAsync((await users.FindByEmailAsync(DemoData.AdminEmail))!), demo.AdministratorSetupLink);
        });
        var withReadmePassword = await app.NewSession().SignInWithAsync(DemoData.AdminEmail, DemoData.AdminPassword);

        Assert.False(hasPassword);
        Assert.False(withReadmePassword.IsSignedIn());
        Assert.NotNull(link);
        Assert.Contains("/Account/ResetPassword?email=", link, StringComparison.Ordinal);
        Assert.Contains("setup=1", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_with_the_demo_password_is_detected_and_create_admin_replaces_it_with_a_link()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var (before, after, stillHasPassword) = await app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CiudadUser>>();
            var admin = (await users.FindByEmailAsync(DemoData.AdminEmail))!;
            await users.AddPasswordAsync(admin, DemoData.AdminPassword); // as a developer's `dotnet run` leaves it
            var demo = sp.GetRequiredService<DemoData>();
            var inUse = await demo.DemoPasswordInUseAsync();
            await sp.GetRequiredService<AdministratorSetup>().CreateAsync(DemoData.AdminEmail);
            var hasPassword = await users.HasPasswordAsync((await users.FindByEmailAsync(DemoData.AdminEmail))!);
            return (inUse, await demo.DemoPasswordInUseAsync(), hasPassword);
        });

        Assert.True(before);
        Assert.False(after);
        Assert.False(stillHasPassword);
    }
}
