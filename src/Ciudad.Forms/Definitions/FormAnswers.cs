using System.Text.Json;

namespace Ciudad.Forms;

/// <summary>
/// A person's answers, keyed the way the renderer names its inputs, so a posted form is read
/// straight in: <c>key</c> for a plain answer (several values for checkboxes), <c>key.part</c> for
/// the parts of an address (line1, line2, city, state, zip), a name (given, family) and a date (day,
/// month, year), <c>group[0].key</c> for a repeating group's items, and for a file <c>key</c> (the
/// stored file's address) with <c>key.name</c> and <c>key.size</c>.
/// </summary>
public sealed class FormAnswers
{
    private readonly Dictionary<string, string[]> _values;

    public FormAnswers() => _values = new(StringComparer.Ordinal);

    public FormAnswers(IEnumerable<KeyValuePair<string, string[]>> values) : this()
    {
        foreach (var (key, value) in values)
        {
            Set(key, value);
        }
    }

    public IReadOnlyDictionary<string, string[]> Values => _values;

    /// <summary>The first non-empty value, trimmed; "" when none.</summary>
    public string this[string name] =>
        _values.TryGetValue(name, out var values) ? values.FirstOrDefault(v => v.Length > 0) ?? "" : "";

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var values) ? values : [];

    public bool Has(string name) => _values.TryGetValue(name, out var values) && values.Any(v => v.Length > 0);

    /// <summary>Sets a value (trimmed, empties dropped); an empty set removes it.</summary>
    public void Set(string name, params IEnumerable<string?> values)
    {
        var kept = values.Select(v => (v ?? "").Trim()).Where(v => v.Length > 0).ToArray();
        if (kept.Length == 0)
        {
            _values.Remove(name);
        }
        else
        {
            _values[name] = kept;
        }
    }

    /// <summary>Removes the answer and its parts (<c>name.*</c>) and, for a group, its items (<c>name[…</c>).</summary>
    public void Remove(string name)
    {
        foreach (var key in _values.Keys.Where(k => k == name || k.StartsWith(name + ".", StringComparison.Ordinal) || k.StartsWith(name + "[", StringComparison.Ordinal)).ToList())
        {
            _values.Remove(key);
        }
    }

    /// <summary>Copies in every answer of <paramref name="other"/>, replacing what was there under those names.</summary>
    public void Merge(FormAnswers other, IEnumerable<string> replacedNames)
    {
        foreach (var name in replacedNames)
        {
            Remove(name);
        }
        foreach (var (key, value) in other._values)
        {
            _values[key] = value;
        }
    }

    /// <summary>How many items a repeating group has (the highest index given, plus one).</summary>
    public int ItemCount(string group)
    {
        var prefix = group + "[";
        var count = 0;
        foreach (var key in _values.Keys)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                var end = key.IndexOf(']', prefix.Length);
                if (end > prefix.Length && int.TryParse(key.AsSpan(prefix.Length, end - prefix.Length), out var index) && index < 1000)
                {
                    count = Math.Max(count, index + 1);
                }
            }
        }
        return count;
    }

    public FormAnswers Copy() => new(_values);

    public string ToJson() => JsonSerializer.Serialize(_values);

    public static FormAnswers FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? new() : new(JsonSerializer.Deserialize<Dictionary<string, string[]>>(json) ?? []);

    public static class Parts
    {
        public const string Line1 = "line1";
        public const string Line2 = "line2";
        public const string City = "city";
        public const string State = "state";
        public const string Zip = "zip";
        public const string Given = "given";
        public const string Family = "family";
        public const string Day = "day";
        public const string Month = "month";
        public const string Year = "year";
        public const string FileName = "name";
        public const string FileSize = "size";

        public static IReadOnlyList<string> Of(FieldType type) => type switch
        {
            FieldType.Address => [Line1, Line2, City, State, Zip],
            FieldType.Name => [Given, Family],
            FieldType.Date => [Day, Month, Year],
            FieldType.File => [FileName, FileSize],
            _ => [],
        };
    }
}
