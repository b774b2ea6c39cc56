namespace Ciudad.Platform.Data;

/// <summary>
/// The module assemblies whose entities are in the model at design time (migrations). Keep in step
/// with the list the web host passes to <c>AddCiudadPlatform</c>; a test compares the two models.
/// </summary>
public static class DesignTimeModules
{
    public static ModuleModelCatalog Catalog { get; } = ModuleModelCatalog.PlatformOnly;
}
