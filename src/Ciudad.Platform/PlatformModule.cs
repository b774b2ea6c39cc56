using System.Reflection;
using Ciudad.Platform.Audit;
using Ciudad.Platform.City;
using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Email;
using Ciudad.Platform.Events;
using Ciudad.Platform.Files;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Jobs;
using Ciudad.Platform.Limits;
using Ciudad.Platform.Localization;
using Ciudad.Platform.Modules;
using Ciudad.Platform.Outbox;
using Ciudad.Platform.Security;
using Ciudad.Platform.Seeding;
using Ciudad.Platform.Staff;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ciudad.Platform;

/// <summary>The platform's public surface: what every module and the host build on.</summary>
public static class PlatformModule
{
    /// <summary>
    /// Registers data, identity, departments, audit, outbox, email, localization and options, then
    /// each module's services. Modules contribute entity configurations, string files and the rest of
    /// their contract (<see cref="CiudadModule"/>); <paramref name="shellAssemblies"/> (the host and its
    /// UI library) contribute string files only.
    /// </summary>
    public static IHostApplicationBuilder AddCiudadPlatform(this IHostApplicationBuilder builder, ModuleCatalog modules, params Assembly[] shellAssemblies)
    {
        var moduleAssemblies = modules.Modules.Select(m => m.Assembly).ToArray();
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<CityOptions>().Bind(configuration.GetSection(CityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // Ciudad:Units: feet and miles (default) or metres; distances are always stored in metres.
        services.AddOptions<Localization.UnitOptions>().Bind(configuration.GetSection(Localization.UnitOptions.Section));
        services.AddSingleton<Localization.Distances>();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ContentCultureOptions>().Bind(configuration.GetSection(ContentCultureOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ContentCultureOptions>, ContentCultureOptionsValidator>();
        services.AddSingleton(sp => new ContentCultures(sp.GetRequiredService<IOptions<ContentCultureOptions>>().Value.Cultures ?? []));

        var dataFolder = ResolveDataFolder(builder);
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = DatabaseSetup.ResolveConnectionString(configuration, database.Provider, dataFolder);
        services.AddSingleton(modules);
        services.AddSingleton(new ModuleModelCatalog(moduleAssemblies));
        services.AddCiudadDatabase(database.Provider, connectionString);
        services.AddCiudadFiles(configuration, dataFolder);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CityTime>();
        services.AddSingleton(new StringCatalog([typeof(PlatformModule).Assembly, .. shellAssemblies, .. moduleAssemblies]));
        services.AddSingleton<IStringLocalizerFactory, CatalogStringLocalizerFactory>();
        services.AddTransient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));

        AddIdentity(services);
        services.AddCiudadLimits(configuration); // rate limits and sign-in counters: Redis when configured

        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActorAccessor, HttpAuditActorAccessor>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<DepartmentService>();
        services.AddScoped<StaffService>();
        services.AddScoped<AdministratorSetup>();
        services.AddScoped<DemoData>();

        services.AddScoped<Outbox.Outbox>();
        services.AddScoped<OutboxStore>();
        services.AddSingleton<OutboxDispatcher>();
        // Older settings still switch delivery off and set its pace (tests poll every 100 ms).
        services.AddCiudadJob<OutboxDispatcher>(OutboxDispatcher.JobName, new OutboxOptions().PollInterval,
            enabledSetting: $"{OutboxOptions.Section}:{nameof(OutboxOptions.DispatcherEnabled)}",
            everySetting: $"{OutboxOptions.Section}:{nameof(OutboxOptions.PollInterval)}");
        services.AddIntegrationEvents();
        services.AddCiudadJobs(configuration);
        services.AddScoped<Emails>();
        services.AddScoped<IOutboxHandler, EmailOutboxHandler>();
        var email = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        services.AddSingleton(new MailFolder(Path.GetFullPath(Path.Combine(dataFolder, email.PickupFolder))));
        if (email.Delivery == EmailDelivery.Smtp)
        {
            services.AddScoped<IEmailTransport, SmtpEmailTransport>();
        }
        else
        {
            services.AddScoped<IEmailTransport, PickupFolderEmailTransport>();
        }

        // Keys in the database: every instance behind a load balancer reads the same cookies.
        services.AddDataProtection().SetApplicationName("Ciudad").PersistKeysToDbContext<CiudadDbContext>();

        services.AddHealthChecks().AddCheck<MigrationReadinessCheck>("database", tags: ["ready"]);

        foreach (var module in modules.Modules)
        {
            module.AddServices(builder);
        }
        return builder;
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddIdentity<CiudadUser, CiudadRole>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
                // NIST SP 800-63B: length over composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Stores.SchemaVersion = DatabaseSetup.IdentitySchema; // with the passkeys table
                options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<CiudadDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.ProviderName)
            .AddClaimsPrincipalFactory<CiudadClaimsPrincipalFactory>();

        // Role and membership changes reach signed-in staff within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureOptions<ConfigureSessionCookie>();
    }

    public static string ResolveDataFolder(IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration[$"{DataFolderOptions.Section}:DataFolder"] ?? "App_Data";
        return Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, configured));
    }
}
