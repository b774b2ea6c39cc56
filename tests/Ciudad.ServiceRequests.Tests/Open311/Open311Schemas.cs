using System.Text.Json;
using Json.Schema;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>
/// The JSON Schemas of open311/schema-validation, registered under their file names so that
/// <c>"$ref": "request.json"</c> resolves; every JSON answer of the tests is checked against them.
/// </summary>
public static class Open311Schemas
{
    private static readonly Uri BaseUri = new("https://schemas.open311.test/");
    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> Schemas = new(Load);

    public static void AssertValid(string schemaFile, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schemas.Value[schemaFile].Evaluate(document.RootElement, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });
        Assert.True(result.IsValid, $"{schemaFile} rejects the answer: " + string.Join("; ",
            (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))) + "\n" + json[..Math.Min(json.Length, 2000)]);
    }

    private static Dictionary<string, JsonSchema> Load()
    {
        var registry = new SchemaRegistry();
        var options = new BuildOptions { SchemaRegistry = registry };
        var folder = Path.Combine(AppContext.BaseDirectory, "Open311", "Schemas");
        var schemas = new Dictionary<string, JsonSchema>();
        // Referenced schemas first, so the lists find them.
        foreach (var file in new[] { "service.json", "request.json", "service-definition.json", "services.json", "requests.json" })
        {
            var uri = new Uri(BaseUri, file);
            var schema = JsonSchema.FromFile(Path.Combine(folder, file), options, uri);
            if (registry.Get(uri) is null)
            {
                registry.Register(uri, schema);
            }
            schemas[file] = schema;
        }
        return schemas;
    }
}
