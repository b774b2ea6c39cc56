using Ciudad.Forms.Consolidation;
using Ciudad.Platform.Localization;

namespace Ciudad.Forms.Tests.Consolidation;

/// <summary>The demo forms the Forms assembly ships (Seeding/DemoForms), read as catalog forms.</summary>
internal static class DemoForms
{
    public static readonly (string File, string Department)[] All =
    [
        ("special-event-parks.json", "Parks and Recreation"),
        ("special-event-streets.json", "Streets and Maintenance"),
        ("animal-adoption.json", "Animal Services"),
        ("bulky-item-pickup.json", "Environmental Services"),
    ];

    public static string Json(string file)
    {
        var assembly = typeof(FormDefinition).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static FormDefinition Definition(string file)
    {
        var (definition, error) = FormDefinitionJson.Read(Json(file));
        Assert.True(error is null, error);
        return definition!;
    }

    public static CatalogForm Form(string file)
    {
        var department = All.Single(f => f.File == file).Department;
        var definition = Definition(file);
        return new(Guid.NewGuid(), file.Replace(".json", "", StringComparison.Ordinal), definition.Title, department, definition);
    }

    public static CatalogForm Parks => Form("special-event-parks.json");

    public static CatalogForm Streets => Form("special-event-streets.json");

    public static CatalogForm Adoption => Form("animal-adoption.json");

    public static CatalogForm Bulky => Form("bulky-item-pickup.json");

    public static FormField Field(string key, FieldType type, string en, string? es = null) =>
        new() { Key = key, Type = type, Label = es is null ? LocalizedText.From(("en", en)) : LocalizedText.Of(en, es) };
}
