using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Ciudad.Platform.Modules;

/// <summary>
/// The contract every module implements: everything a module brings to Ciudad, in one place. The
/// host holds one list of modules (<c>CiudadModules.All</c> in Ciudad.Web) and asks each of them
/// for its part; nothing outside the module names its assembly, tables, pages or verbs.
/// See docs/modules.md for how to add one.
/// </summary>
public abstract class CiudadModule
{
    /// <summary>A short, stable, lower-case name ("service-requests"): logs, the jobs page, the permission matrix.</summary>
    public abstract string Name { get; }

    /// <summary>Every table of the module starts with this ("sr_"); a test holds every module to it.</summary>
    public abstract string TablePrefix { get; }

    /// <summary>
    /// The module's assembly: its entity configurations join the one model, its
    /// <c>Localization/Strings/*.json</c> files join the string catalog, and its Razor pages are served.
    /// </summary>
    public Assembly Assembly => GetType().Assembly;

    /// <summary>The permissions the module defines, each with the staff roles it is granted to.</summary>
    public virtual IEnumerable<Permission> Permissions => [];

    /// <summary>Links the shell shows (public menu, account, staff home, administration home), each behind its permission.</summary>
    public virtual IEnumerable<NavigationEntry> Navigation => [];

    /// <summary>Command-line verbs (<c>ciudad apikey create</c>); a fresh set for each command line parsed.</summary>
    public virtual IEnumerable<ModuleVerb> CreateVerbs() => [];

    /// <summary>
    /// Services and options. Background jobs (<c>AddCiudadJob</c>), demo data
    /// (<c>IDemoDataContributor</c>), health checks and event handlers are registered here too,
    /// through the platform's registration helpers, so the platform finds them for every module.
    /// </summary>
    public virtual void AddServices(IHostApplicationBuilder builder)
    {
    }

    /// <summary>Authorization of the module's page folders (each folder or page: a permission, or anonymous).</summary>
    public virtual void ConfigurePages(PageConventionCollection pages)
    {
    }

    /// <summary>Middleware the module needs early in the pipeline, before routing (Open311 answers its edge errors in its own format).</summary>
    public virtual void UseEarlyMiddleware(IApplicationBuilder app)
    {
    }

    /// <summary>Origins, other than the site itself, that the module's pages load images from (the content security policy allows them).</summary>
    public virtual IEnumerable<string> ImageOrigins(IServiceProvider services) => [];

    /// <summary>Endpoints that are not Razor pages (APIs, feeds, files), each with its authorization decision.</summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
