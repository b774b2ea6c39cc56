using Ciudad.Platform.Localization;

namespace Ciudad.Forms.Consolidation;

/// <summary>One form of the city's catalog, as the consolidation tools compare it.</summary>
internal sealed record CatalogForm(Guid Id, string Slug, LocalizedText Title, string Department, FormDefinition Definition);
