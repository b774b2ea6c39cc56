using Ciudad.Forms;
using Ciudad.Platform.Data;
using Ciudad.Platform.Modules;
using Ciudad.ServiceRequests;

namespace Ciudad.Web;

/// <summary>
/// The one list of modules this Ciudad runs. It drives the model (at run time and for migrations),
/// the string catalog, page authorization, navigation, permissions, command-line verbs, jobs and
/// demo data. Adding a module is its project, one line here, and its migrations (docs/modules.md).
/// </summary>
public static class CiudadModules
{
    public static IReadOnlyList<CiudadModule> All { get; } =
    [
        new ServiceRequestsModule(),
        new FormsModule(),
    ];

    /// <summary>The entities of every module, for the design-time context and the test fixture's migrations.</summary>
    public static ModuleModelCatalog Model => new(All.Select(m => m.Assembly));

    /// <summary>
    /// <see cref="All"/>, plus any module named by type in <c>Ciudad:Modules:Load</c> (a module built
    /// outside this repository, or the test suite's sample module). A name that does not load stops
    /// the start with a message naming it.
    /// </summary>
    public static ModuleCatalog Resolve(IConfiguration configuration)
    {
        var extra = configuration.GetSection("Ciudad:Modules:Load").Get<string[]>() ?? [];
        return new ModuleCatalog([.. All, .. extra.Select(Load)]);
    }

    private static CiudadModule Load(string typeName)
    {
        var type = Type.GetType(typeName, throwOnError: false) ?? FromAssemblyFile(typeName)
            ?? throw new InvalidOperationException($"Ciudad:Modules:Load names '{typeName}', which is not a type this Ciudad can load (use \"Namespace.Type, Assembly\").");
        return Activator.CreateInstance(type) as CiudadModule
            ?? throw new InvalidOperationException($"Ciudad:Modules:Load names '{typeName}', which is not a CiudadModule.");
    }

    /// <summary>"Namespace.Type, Assembly" from Assembly.dll beside the app, for a module dropped in after the build.</summary>
    private static Type? FromAssemblyFile(string typeName)
    {
        var parts = typeName.Split(',', 2, StringSplitOptions.TrimEntries);
        var file = parts.Length == 2 ? Path.Combine(AppContext.BaseDirectory, parts[1] + ".dll") : null;
        return file is not null && File.Exists(file)
            ? System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(file).GetType(parts[0], throwOnError: false)
            : null;
    }
}
