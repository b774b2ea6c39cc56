using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Seeding;
using Ciudad.Platform.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciudad.Web.CommandLine;

/// <summary>Runs the chosen verb with the same services the site uses.</summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(WebApplication app, CiudadCommand command)
    {
        if (command.Error is not null)
        {
            await Console.Error.WriteLineAsync(command.Error);
            command.PrintHelp(Console.Error);
            return 2;
        }
        switch (command.Verb)
        {
            case CiudadVerb.Serve:
                await PrepareEmbeddedDatabaseAsync(app);
                if (await DemoPasswordOutsideDevelopmentAsync(app))
                {
                    return 1;
                }
                await app.RunAsync();
                return 0;
            case CiudadVerb.Migrate:
                await MigrateAsync(app.Services);
                Console.WriteLine("Database is up to date.");
                return 0;
            case CiudadVerb.SeedDemo:
                var setupLink = await SeedDemoAsync(app);
                Console.WriteLine($"Demo data present. {DescribeAdministrator(app, setupLink)}");
                return 0;
            case CiudadVerb.CreateAdmin:
                var link = "";
                await WithScopeAsync(app.Services, async sp => link = await sp.GetRequiredService<AdministratorSetup>().CreateAsync(command.Email!));
                Console.WriteLine($"Administrator {command.Email} is ready. Open this one-time link to choose a password:");
                Console.WriteLine(link);
                return 0;
            case CiudadVerb.AuditVerify:
                AuditVerification? result = null;
                await WithScopeAsync(app.Services, async sp => result = await sp.GetRequiredService<AuditVerifier>().VerifyAsync());
                if (result!.IsIntact)
                {
                    Console.WriteLine($"Audit log intact: {result.EntriesChecked} entries verified.");
                    return 0;
                }
                Console.WriteLine($"Audit log BROKEN at entry {result.FirstBrokenSequence}: {result.Problem}. {result.EntriesChecked} entries before it are intact.");
                return 1;
            case CiudadVerb.Module:
                return await command.ModuleVerb!.RunAsync(app.Services, Console.Out, app.Lifetime.ApplicationStopping);
            default:
                command.PrintHelp(Console.Out);
                return 0;
        }
    }

    /// <summary>
    /// The embedded default prepares itself so that <c>dotnet run</c> just works. PostgreSQL is
    /// only migrated by an explicit <c>migrate</c>: schema changes in production are a release step.
    /// </summary>
    private static async Task PrepareEmbeddedDatabaseAsync(WebApplication app)
    {
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (database.Provider != DatabaseProvider.Sqlite || !database.MigrateAndSeedOnStart)
        {
            return;
        }
        await MigrateAsync(app.Services);
        var setupLink = await SeedDemoAsync(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            Console.WriteLine($"""

                ================================================================
                 Ciudad is running at {urls}
                 {DescribeAdministrator(app, setupLink)}
                 (staff enrol an authenticator app on first visit to a staff page)
                 Sent email is listed at /Admin/Mail.  Press Ctrl+C to stop.
                ================================================================

                """);
        });
    }

    /// <summary>Loads the demo data; outside Development, the administrator's one-time setup link (null once chosen).</summary>
    private static async Task<string?> SeedDemoAsync(WebApplication app)
    {
        string? setupLink = null;
        await WithScopeAsync(app.Services, async sp =>
        {
            var demo = sp.GetRequiredService<DemoData>();
            await demo.SeedAsync();
            setupLink = demo.AdministratorSetupLink;
        });
        return setupLink;
    }

    /// <summary>
    /// The README's password is public: only Development may have it. Anywhere else the administrator
    /// chooses their own password at a one-time link, and no known password is ever created.
    /// </summary>
    private static string DescribeAdministrator(WebApplication app, string? setupLink) =>
        app.Environment.IsDevelopment()
            ? $"Demo administrator: {DemoData.AdminEmail}  password: {DemoData.AdminPassword}"
            : setupLink is null
                ? $"Administrator: {DemoData.AdminEmail} (password already chosen)"
                : $"Administrator: {DemoData.AdminEmail}. Choose a password at this one-time link:\n {setupLink}";

    /// <summary>
    /// Outside Development, refuses to serve a database whose demo administrator still has the
    /// published password (a developer's database copied to a server). Skipped until the schema is
    /// current: PostgreSQL is migrated by an explicit step, and the readiness check reports it.
    /// </summary>
    private static async Task<bool> DemoPasswordOutsideDevelopmentAsync(WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return false;
        }
        var inUse = false;
        await WithScopeAsync(app.Services, async sp =>
        {
            var db = sp.GetRequiredService<CiudadDbContext>();
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
            {
                return;
            }
            inUse = await sp.GetRequiredService<DemoData>().DemoPasswordInUseAsync();
        });
        if (inUse)
        {
            await Console.Error.WriteLineAsync($"""
                Refusing to start: the administrator {DemoData.AdminEmail} still has the demo password from the README,
                and this is not a Development environment. Run `ciudad create-admin --email {DemoData.AdminEmail}`
                to replace it with a one-time link (or create your own administrator), then start again.
                """);
        }
        return inUse;
    }

    public static async Task MigrateAsync(IServiceProvider services)
    {
        await WithScopeAsync(services, sp => sp.GetRequiredService<CiudadDbContext>().Database.MigrateAsync());
    }

    private static async Task WithScopeAsync(IServiceProvider services, Func<IServiceProvider, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }
}
