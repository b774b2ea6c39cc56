using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Ciudad.Platform.Identity;

namespace Ciudad.Platform.Localization;

/// <summary>
/// Every resident- and staff-facing string, in English and Spanish. Strings live in JSON files
/// embedded in each module's assembly (<c>Localization/Strings/{area}.{en|es}.json</c>) rather than
/// resx: translators read and review them as plain text, and a test proves both languages hold the
/// same keys. Keys are namespaced by area: <c>Account.Register.Title</c>.
/// </summary>
public sealed class StringCatalog
{
    private const string ResourcePrefix = "Ciudad.Strings.";
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byCulture;

    public StringCatalog(IEnumerable<Assembly> assemblies)
    {
        var tables = SupportedCultures.All.ToDictionary(c => c, _ => new Dictionary<string, string>(StringComparer.Ordinal));
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
            {
                // Ciudad.Strings.{area}.{culture}.json
                var parts = resource[ResourcePrefix.Length..].Split('.');
                if (parts.Length < 3 || !tables.TryGetValue(parts[^2], out var table))
                {
                    continue;
                }
                using var stream = assembly.GetManifestResourceStream(resource)!;
                var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                    ?? throw new InvalidOperationException($"String file {resource} is empty.");
                foreach (var (key, value) in entries)
                {
                    if (!table.TryAdd(key, value))
                    {
                        throw new InvalidOperationException($"String key '{key}' is defined twice for '{parts[^2]}' ({resource}).");
                    }
                }
            }
        }
        _byCulture = tables.ToFrozenDictionary(t => t.Key, t => t.Value.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public IReadOnlyCollection<string> Keys(string culture) => _byCulture[SupportedCultures.Normalize(culture)].Keys;

    public bool TryGet(string culture, string key, out string value)
    {
        // A plural string ("Key.One", "Key.Other") asked for without a count reads as its general form.
        if (!HasKey(key) && HasKey(key + PluralRules.OtherSuffix))
        {
            key += PluralRules.OtherSuffix;
        }
        if (_byCulture[SupportedCultures.Normalize(culture)].TryGetValue(key, out var found))
        {
            value = found;
            return true;
        }
        // A string missing in Spanish falls back to English rather than showing a key.
        if (_byCulture[SupportedCultures.English].TryGetValue(key, out found))
        {
            value = found;
            return false;
        }
        value = key;
        return false;
    }

    public string Get(string culture, string key) => TryGet(culture, key, out var value) ? value : value;

    public string Format(string culture, string key, params object?[] arguments) =>
        CatalogFormatting.Format(SupportedCultures.FormattingCulture(culture), Get(culture, PluralRules.KeyFor(this, key, arguments)), arguments);

    /// <summary>True when the key exists in English (every key does in both languages; a test holds them to it).</summary>
    public bool HasKey(string key) => _byCulture[SupportedCultures.English].ContainsKey(key);

    public static string CurrentCulture => SupportedCultures.Normalize(CultureInfo.CurrentUICulture.Name);
}
