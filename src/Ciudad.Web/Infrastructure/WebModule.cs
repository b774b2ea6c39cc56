using Ciudad.Platform.Identity;
using Ciudad.Platform.Security;
using Ciudad.Platform.Modules;
using Ciudad.Web.CommandLine;
using Ciudad.Web.Pages.Account;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Ciudad.Web.Infrastructure;

/// <summary>The web host: pages, culture, security, limits, health, logs and telemetry.</summary>
public static class WebModule
{
    public static WebApplicationBuilder AddCiudadWeb(this WebApplicationBuilder builder, CiudadCommand command, ModuleCatalog modules)
    {
        var services = builder.Services;
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();

        if (command.Verb != CiudadVerb.Serve)
        {
            // Operator verbs do their one job and exit; they never deliver mail or serve.
            builder.Configuration["Ciudad:Outbox:DispatcherEnabled"] = "false";
        }
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        // Kestrel answers a request line over its limit with an empty 414 before any middleware
        // runs; with room above the site's own limit, the site answers instead (Open311 in its
        // format, pages with the error page). See RequestTargetLimit.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestLineSize = 4 * RequestTargetLimit.MaxLength);

        services.AddRazorPages(options =>
            {
                HostPageAuthorization.Configure(options.Conventions);
                foreach (var module in modules.Modules)
                {
                    module.ConfigurePages(options.Conventions);
                }
            })
            .ConfigureApplicationPartManager(parts => AddModulePages(parts, modules))
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Program)));
        // Spanish text stays readable in the HTML source ("página", not "p&#xE1;gina").
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ciudad.antiforgery";
            o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(CultureSelection.Cultures[0]);
            o.SupportedCultures = CultureSelection.Cultures;
            o.SupportedUICultures = CultureSelection.Cultures;
            o.RequestCultureProviders = [new CultureSelection()];
        });
        services.AddCiudadAuthorization();
        services.AddCiudadAccounts();
        services.AddCiudadRateLimits(security);
        AddForwardedHeaders(services, security.ForwardedHeaders);
        if (security.RequireHttps)
        {
            // Without a known port the middleware would not redirect (no HTTPS endpoint of its own
            // behind a proxy) and the Secure-only antiforgery cookie would fail every form with a 500.
            services.AddHttpsRedirection(o => o.HttpsPort = security.HttpsPort);
            services.AddHsts(o =>
            {
                o.MaxAge = TimeSpan.FromDays(365);
                o.IncludeSubDomains = true;
            });
        }
        AddTelemetry(builder);
        return builder;
    }

    /// <summary>
    /// Serves each module's Razor pages. Modules the host references are found by the build; a module
    /// loaded by configuration (<c>Ciudad:Modules:Load</c>) is added here with the same factory.
    /// </summary>
    private static void AddModulePages(Microsoft.AspNetCore.Mvc.ApplicationParts.ApplicationPartManager parts, ModuleCatalog modules)
    {
        foreach (var assembly in modules.Modules.Select(m => m.Assembly).Distinct())
        {
            if (parts.ApplicationParts.OfType<Microsoft.AspNetCore.Mvc.ApplicationParts.AssemblyPart>().Any(p => p.Assembly == assembly))
            {
                continue;
            }
            var factory = Microsoft.AspNetCore.Mvc.ApplicationParts.ApplicationPartFactory.GetApplicationPartFactory(assembly);
            foreach (var part in factory.GetApplicationParts(assembly))
            {
                parts.ApplicationParts.Add(part);
            }
        }
    }

    /// <summary>
    /// Trusts X-Forwarded-For/-Proto only from the proxies in <c>Ciudad:Security:ForwardedHeaders</c>
    /// (loopback when none are listed). A bad entry stops the start with a message naming it.
    /// </summary>
    private static void AddForwardedHeaders(IServiceCollection services, ForwardedHeadersSettings settings)
    {
        var (proxies, networks) = settings.Parse();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = settings.ForwardLimit;
            if (settings.IsConfigured)
            {
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                proxies.ToList().ForEach(o.KnownProxies.Add);
                networks.ToList().ForEach(o.KnownIPNetworks.Add);
            }
        });
    }

    private static void AddTelemetry(WebApplicationBuilder builder)
    {
        // Off unless an OTLP endpoint is configured (Ciudad__Telemetry__OtlpEndpoint or the standard OTEL_EXPORTER_OTLP_ENDPOINT).
        var endpoint = builder.Configuration["Ciudad:Telemetry:OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("ciudad"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource("Ciudad.*"))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter("Ciudad.*"))
            .UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(endpoint));
    }

    public static WebApplication UseCiudadWeb(this WebApplication app)
    {
        var security = app.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        app.UseForwardedHeaders();
        app.UseCiudadSecurityHeaders();
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
        {
            module.UseEarlyMiddleware(app);
        }
        app.UseExceptionHandler("/Errors/500");
        if (security.RequireHttps)
        {
            app.UseHsts();
            // Load balancers probe health over plain HTTP and do not follow redirects.
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }
        app.UseStatusCodePagesWithReExecute("/Errors/{0}");
        app.Use((context, next) =>
        {
            if (RequestTargetLimit.IsTooLong(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status414UriTooLong; // the error page explains
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.UseCiudadStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        // After authentication, so a signed-in person's saved language is known.
        app.UseRequestLocalization();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapCiudadWeb(this WebApplication app)
    {
        app.MapRazorPages();
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
        {
            module.MapEndpoints(app);
        }
        // Load balancers probe these without signing in.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}
