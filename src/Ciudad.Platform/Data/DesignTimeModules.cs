using System.Reflection;

namespace Ciudad.Platform.Data;

/// <summary>
/// The module assemblies whose entities are in the model at design time (migrations, and the
/// test fixture that migrates before the app starts). Named rather than referenced because modules
/// build on the platform, not the other way round; the migration projects reference each module so
/// the assembly is always beside them. Keep in step with the list the web host passes to
/// <c>AddCiudadPlatform</c>; a test compares the two models.
/// </summary>
public static class DesignTimeModules
{
    public static IReadOnlyList<string> AssemblyNames { get; } = ["Ciudad.ServiceRequests"];

    private static readonly Lazy<ModuleModelCatalog> Loaded = new(() => new ModuleModelCatalog(AssemblyNames.Select(Assembly.Load)));

    public static ModuleModelCatalog Catalog => Loaded.Value;
}
