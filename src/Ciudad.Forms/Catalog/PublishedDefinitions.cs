using System.Collections.Concurrent;

namespace Ciudad.Forms.Catalog;

/// <summary>
/// Parsed definitions of published versions, kept for the life of the process: a version never
/// changes once written, so a cached copy cannot go stale, and a page view parses nothing.
/// </summary>
internal sealed class PublishedDefinitions
{
    private readonly ConcurrentDictionary<long, FormDefinition> _byVersion = new();

    public FormDefinition For(FormVersion version) => For(version.Id, version.DefinitionJson);

    public FormDefinition For(long versionId, string json) =>
        _byVersion.GetOrAdd(versionId, static (_, text) => FormDefinitionJson.Read(text).Definition
            ?? throw new InvalidOperationException("A published form version holds JSON that is not a form definition."), json);
}
