using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ciudad.Platform.Identity;

namespace Ciudad.Platform.Localization;

/// <summary>
/// One piece of text written in several languages ("Pothole" / "Bache"), stored as one value.
/// Read it for a culture with <c>text["es"]</c> or <c>text.For(culture)</c>: the culture itself,
/// else its parent ("es-MX" → "es"), else English, which every stored value has. A language is
/// present when it was written, even as an empty string, so a deliberately empty Spanish
/// description stays empty rather than turning into English.
/// </summary>
[JsonConverter(typeof(LocalizedTextJsonConverter))]
public sealed class LocalizedText : IEquatable<LocalizedText>
{
    private readonly KeyValuePair<string, string>[] _values;

    public static LocalizedText Empty { get; } = new([]);

    /// <summary>Culture → text pairs; a later pair for the same culture replaces an earlier one.</summary>
    public LocalizedText(IEnumerable<KeyValuePair<string, string>> values)
    {
        var byCulture = new List<KeyValuePair<string, string>>();
        foreach (var (culture, text) in values)
        {
            var name = CultureName(culture);
            byCulture.RemoveAll(v => v.Key == name);
            byCulture.Add(new(name, text ?? ""));
        }
        _values = [.. byCulture];
    }

    /// <summary><c>LocalizedText.From(("en", "Pothole"), ("es", "Bache"))</c>.</summary>
    public static LocalizedText From(params IEnumerable<(string Culture, string Text)> values) =>
        new(values.Select(v => KeyValuePair.Create(v.Culture, v.Text)));

    /// <summary>The two languages every value has: English and Spanish.</summary>
    public static LocalizedText Of(string english, string spanish) =>
        From((SupportedCultures.English, english), (SupportedCultures.Spanish, spanish));

    public string this[string? culture] => For(culture);

    public string For(CultureInfo culture) => For(culture.Name);

    /// <summary>The text in <paramref name="culture"/>, its parent language, English, or any language written.</summary>
    public string For(string? culture)
    {
        if (!string.IsNullOrEmpty(culture))
        {
            var name = CultureName(culture);
            if (Exactly(name) is { } exact)
            {
                return exact;
            }
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && Exactly(name[..dash]) is { } parent)
            {
                return parent;
            }
        }
        return Exactly(SupportedCultures.Default) ?? (_values.Length > 0 ? _values[0].Value : "");
    }

    /// <summary>The text written for exactly this culture, without falling back; null when none was.</summary>
    public string? Exactly(string culture)
    {
        var name = CultureName(culture);
        foreach (var (key, value) in _values)
        {
            if (key == name)
            {
                return value;
            }
        }
        return null;
    }

    public bool Has(string culture) => Exactly(culture) is not null;

    /// <summary>The cultures written, in the order they were given.</summary>
    public IEnumerable<string> Cultures => _values.Select(v => v.Key);

    public IReadOnlyList<KeyValuePair<string, string>> Values => _values;

    /// <summary>A copy with <paramref name="culture"/> set, or removed when <paramref name="text"/> is null.</summary>
    public LocalizedText With(string culture, string? text)
    {
        var name = CultureName(culture);
        var kept = _values.Where(v => v.Key != name);
        return new(text is null ? kept : kept.Append(KeyValuePair.Create(name, text)));
    }

    /// <summary>The same languages with each text changed (trimmed, cleaned).</summary>
    public LocalizedText Select(Func<string, string> change) =>
        new(_values.Select(v => KeyValuePair.Create(v.Key, change(v.Value))));

    /// <summary>All texts of all languages, for searching whatever language someone types in.</summary>
    public string AllLanguages(string separator = " ") => string.Join(separator, _values.Select(v => v.Value));

    /// <summary><c>{"en":"Pothole","es":"Bache"}</c>: the stored form, also used in audit snapshots.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    public static LocalizedText FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? Empty : JsonSerializer.Deserialize<LocalizedText>(json) ?? Empty;

    /// <summary>The text in the current UI culture, so a Razor page can write <c>@service.Name</c>.</summary>
    public override string ToString() => For(CultureInfo.CurrentUICulture);

    public bool Equals(LocalizedText? other) =>
        other is not null && _values.Length == other._values.Length
        && _values.All(v => other.Exactly(v.Key) is { } text && string.Equals(text, v.Value, StringComparison.Ordinal));

    public override bool Equals(object? obj) => obj is LocalizedText other && Equals(other);

    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var (culture, text) in _values)
        {
            hash ^= HashCode.Combine(culture, text); // order-free, as Equals is
        }
        return hash;
    }

    /// <summary>"ES" → "es", "es-mx" → "es-MX": one spelling per culture so lookups match.</summary>
    internal static string CultureName(string culture)
    {
        var trimmed = culture.Trim();
        var dash = trimmed.IndexOfAny(['-', '_']);
        return dash < 0
            ? trimmed.ToLowerInvariant()
            : $"{trimmed[..dash].ToLowerInvariant()}-{trimmed[(dash + 1)..].ToUpperInvariant()}";
    }
}

/// <summary>Reads and writes a <see cref="LocalizedText"/> as a plain JSON object of culture → text.</summary>
public sealed class LocalizedTextJsonConverter : JsonConverter<LocalizedText>
{
    public override LocalizedText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A localized text is a JSON object of culture → text.");
        }
        var values = new List<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var culture = reader.GetString()!;
            reader.Read();
            values.Add(KeyValuePair.Create(culture, reader.TokenType == JsonTokenType.Null ? "" : reader.GetString()!));
        }
        return new LocalizedText(values);
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (culture, text) in value.Values)
        {
            writer.WriteString(culture, text);
        }
        writer.WriteEndObject();
    }
}
