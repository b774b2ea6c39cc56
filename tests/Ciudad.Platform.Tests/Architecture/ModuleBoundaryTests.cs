using System.Reflection;
using Ciudad.Platform.Data;
using Ciudad.Platform.Modules;
using Ciudad.Web;
using NetArchTest.Rules;

namespace Ciudad.Platform.Tests.Architecture;

/// <summary>
/// Module boundaries, checked on the compiled assemblies. A module's public surface is its root
/// namespace (the module class, its permissions, read models and commands it offers) and
/// <c>{root}.Events</c> (integration events); everything else — entities, services, pages — is its
/// own. The host and other modules use only the surface, no module reaches into the host, and the
/// host never touches a module's entities. The sample module in tests/ is checked like a real one.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly IReadOnlyList<CiudadModule> Modules = [.. CiudadModules.All, new SampleModule.SampleModule()];

    private static readonly Assembly Host = typeof(Program).Assembly;

    [Fact]
    public void The_host_uses_modules_only_through_their_public_surface()
    {
        var inside = Modules.SelectMany(InsideNamespaces).ToArray();

        var result = Types.InAssembly(Host).ShouldNot().HaveDependencyOnAny(inside).GetResult();

        Assert.True(result.IsSuccessful, "The host uses module internals: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_host_and_the_platform_never_use_a_module_entity()
    {
        using var context = DatabaseSetup.CreateDesignTimeContext(DatabaseProvider.Sqlite, "Data Source=:memory:", new ModuleModelCatalog(Modules.Select(m => m.Assembly)));
        var moduleAssemblies = Modules.Select(m => m.Assembly).ToHashSet();
        var entities = context.Model.GetEntityTypes().Select(e => e.ClrType).Where(t => moduleAssemblies.Contains(t.Assembly)).Select(t => t.FullName!).Distinct().ToArray();

        Assert.NotEmpty(entities);
        foreach (var assembly in new[] { Host, typeof(PlatformModule).Assembly, typeof(Ciudad.Web.UI.SharedStrings).Assembly })
        {
            var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(entities).GetResult();
            Assert.True(result.IsSuccessful, $"{assembly.GetName().Name} uses module entities: " + string.Join(", ", result.FailingTypeNames ?? []));
        }
    }

    [Fact]
    public void Modules_use_each_other_only_through_their_public_surface()
    {
        var failures = new List<string>();
        foreach (var module in Modules)
        {
            var others = Modules.Where(m => m.Assembly != module.Assembly).SelectMany(InsideNamespaces).ToArray();
            if (others.Length == 0)
            {
                continue;
            }
            var result = Types.InAssembly(module.Assembly).ShouldNot().HaveDependencyOnAny(others).GetResult();
            failures.AddRange((result.FailingTypeNames ?? []).Select(t => $"{module.Name}: {t}"));
        }
        Assert.True(failures.Count == 0, "Modules use other modules' internals: " + string.Join(", ", failures));
    }

    [Fact]
    public void Everything_inside_a_module_is_internal()
    {
        // The compiler then keeps the boundary too: a type another assembly cannot see, it cannot use.
        var failures = Modules.SelectMany(module =>
        {
            var inside = InsideNamespaces(module).ToHashSet();
            return module.Assembly.GetExportedTypes().Where(t => t.Namespace is not null && inside.Contains(t.Namespace)).Select(t => $"{module.Name}: {t.FullName}");
        }).ToList();

        Assert.True(failures.Count == 0, "Public types inside modules (make them internal, or move them to the module's root namespace or .Events if other modules need them): " + string.Join(", ", failures));
    }

    [Fact]
    public void Modules_and_the_shared_ui_never_reach_into_the_host()
    {
        // Full type names: the host's namespace Ciudad.Web is a prefix of the UI library's Ciudad.Web.UI.
        var hostTypes = Host.GetTypes().Where(t => t.Namespace is not null && !t.Name.Contains('<', StringComparison.Ordinal)).Select(t => t.FullName!).ToArray();

        foreach (var assembly in Modules.Select(m => m.Assembly).Append(typeof(Ciudad.Web.UI.SharedStrings).Assembly).Append(typeof(PlatformModule).Assembly))
        {
            var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(hostTypes).GetResult();
            Assert.True(result.IsSuccessful, $"{assembly.GetName().Name} reaches into the host: " + string.Join(", ", result.FailingTypeNames ?? []));
        }
    }

    [Fact]
    public void Every_module_names_its_tables_with_its_prefix()
    {
        using var context = DatabaseSetup.CreateDesignTimeContext(DatabaseProvider.Sqlite, "Data Source=:memory:", CiudadModules.Model);
        var prefixes = Modules.ToDictionary(m => m.Assembly, m => m.TablePrefix);

        foreach (var entity in context.Model.GetEntityTypes())
        {
            var table = Microsoft.EntityFrameworkCore.RelationalEntityTypeExtensions.GetTableName(entity);
            if (table is not null)
            {
                Assert.StartsWith(prefixes.GetValueOrDefault(entity.ClrType.Assembly, "platform_"), table, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The module's namespaces other than its public surface.</summary>
    private static IEnumerable<string> InsideNamespaces(CiudadModule module)
    {
        var root = module.GetType().Namespace!;
        return module.Assembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            // Only the module's own namespaces: compilers also emit helper types into an assembly
            // (System.Text.RegularExpressions.Generated, AspNetCoreGeneratedDocument) that every project shares.
            .Where(ns => ns.StartsWith(root + ".", StringComparison.Ordinal) && ns != root + ".Events" && !ns.StartsWith(root + ".Events.", StringComparison.Ordinal))
            // Namespace names, no trailing dot: NetArchTest matches a dependency's namespace against them.
            .Distinct();
    }
}
