using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ciudad.Forms;

/// <summary>
/// The definition's JSON: camelCase names, enums as names, no nulls or empty lists written, so an
/// exported file is what someone would write by hand. Reading refuses unknown properties, so a
/// misspelt rule is an error that names it instead of a rule silently ignored.
/// </summary>
public static class FormDefinitionJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers = { SkipEmptyLists },
        },
    };

    public static string Write(FormDefinition definition) => JsonSerializer.Serialize(definition, Options);

    /// <summary>The definition, or the reason this JSON is not one (with the path where it went wrong).</summary>
    public static (FormDefinition? Definition, string? Error) Read(string json)
    {
        try
        {
            var definition = JsonSerializer.Deserialize<FormDefinition>(json, Options);
            return definition is null ? (null, "The file holds null, not a form definition.") : (definition, null);
        }
        catch (JsonException e)
        {
            return (null, e.Path is { Length: > 0 } path ? $"{e.Message.Split(" Path:")[0]} (at {path})" : e.Message);
        }
    }

    private static void SkipEmptyLists(System.Text.Json.Serialization.Metadata.JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                property.ShouldSerialize = (_, value) => value is System.Collections.ICollection { Count: > 0 };
            }
            else if (property.PropertyType == typeof(bool))
            {
                property.ShouldSerialize = (_, value) => value is true;
            }
        }
    }
}
