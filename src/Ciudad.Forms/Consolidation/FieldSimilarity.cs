using Ciudad.Platform.Localization;

namespace Ciudad.Forms.Consolidation;

/// <summary>
/// Interns tokens and whole normalized labels as numbers, so comparing two fields compares small
/// sorted arrays. One vocabulary per comparison run (a report, a merge); not thread-safe.
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public int Id(string text)
    {
        if (!_ids.TryGetValue(text, out var id))
        {
            id = _ids.Count + 1;
            _ids.Add(text, id);
        }
        return id;
    }
}

/// <summary>One language's normalized label: the canonical text's id, its token ids and its character trigrams (all sorted).</summary>
internal sealed record LabelProfile(int Canonical, int[] Tokens, long[] Trigrams)
{
    public static LabelProfile? Of(string? text, Vocabulary vocabulary, bool title = false) =>
        Of(LabelNormalizer.Tokens(text, title), vocabulary);

    public static LabelProfile? Of(IReadOnlyList<string> tokens, Vocabulary vocabulary)
    {
        if (tokens.Count == 0)
        {
            return null;
        }
        var sorted = tokens.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var canonical = string.Join(' ', sorted);
        return new(vocabulary.Id(canonical), [.. sorted.Select(vocabulary.Id).Order()], TrigramsOf(canonical));
    }

    /// <summary>Every language's label, without repeats (an English-only and a bilingual label compare alike).</summary>
    public static LabelProfile[] All(LocalizedText? text, Vocabulary vocabulary, bool title = false) =>
        text is null ? [] : [.. text.Values.Select(v => Of(v.Value, vocabulary, title)).OfType<LabelProfile>().DistinctBy(p => p.Canonical)];

    private static long[] TrigramsOf(string text)
    {
        var padded = $" {text} ";
        var set = new HashSet<long>();
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            set.Add(((long)padded[i] << 32) | ((long)padded[i + 1] << 16) | padded[i + 2]);
        }
        return [.. set.Order()];
    }
}

/// <summary>A field, normalized once: its labels in every language, its options' canonical ids, the tokens the prefilter reads.</summary>
internal sealed class FieldProfile
{
    public required FormField Field { get; init; }

    public required LabelProfile[] Labels { get; init; }

    /// <summary>Per option, the ids of its value and of its labels, normalized.</summary>
    public required int[][] Options { get; init; }

    /// <summary>Every token id of every language's label, for the prefilter.</summary>
    public required HashSet<int> Tokens { get; init; }

    /// <summary>The prefilter's ids: each label token and its first four letters (and the type, for email and phone fields).</summary>
    public required int[] Blocking { get; init; }

    public static FieldProfile Of(FormField field, Vocabulary vocabulary)
    {
        var words = field.Label.Values.Select(v => LabelNormalizer.Tokens(v.Value)).ToList();
        var labels = words.Select(w => LabelProfile.Of(w, vocabulary)).OfType<LabelProfile>().DistinctBy(l => l.Canonical).ToArray();
        var tokens = labels.SelectMany(l => l.Tokens).ToHashSet();
        var blocking = new HashSet<int>();
        foreach (var word in words.SelectMany(w => w))
        {
            blocking.Add(vocabulary.Id(word));
            blocking.Add(vocabulary.Id("prefix:" + word[..Math.Min(4, word.Length)]));
        }
        if (field.Type is FieldType.Email or FieldType.Phone)
        {
            // Two email (or phone) fields match whatever their labels say.
            blocking.Add(vocabulary.Id("type:" + field.Type));
        }
        return new()
        {
            Field = field,
            Labels = labels,
            Tokens = tokens,
            Blocking = [.. blocking],
            Options = [.. field.Options.Select(o => LabelProfile.All(o.Label, vocabulary).Select(l => l.Canonical)
                .Append(vocabulary.Id("value:" + o.Value.ToLowerInvariant())).Distinct().ToArray())],
        };
    }

    public bool Mentions(string canonical, Vocabulary vocabulary) => Tokens.Contains(vocabulary.Id(canonical));
}

/// <summary>
/// How alike two fields are, 0..1, and whether they are the same question.
/// <list type="bullet">
/// <item>Label similarity: 1 when the normalized labels are equal in some language pair, else the
/// larger of the token Jaccard and the character-trigram Jaccard, best over language pairs. Two
/// email fields, or two phone fields, count at least <see cref="MatchThreshold"/> (the type says what the label may not).</item>
/// <item>Type factor: 1 for the same type; 0.9 for Text~LongText, Select~Radios, and Email, Phone,
/// Name, Address or Date against a text field whose label says so ("email", "phone", "name",
/// "address", "date"); 0 otherwise (Checkboxes, YesNo, Number, File, Group and Declaration only with their own type).</item>
/// <item>Choice fields (both with options): 0.7 × label + 0.3 × option overlap (options matched by value or normalized label, over their union).</item>
/// </list>
/// Score = type factor × that; a match needs score ≥ <see cref="MatchThreshold"/> (0.6) and label similarity ≥ <see cref="LabelFloor"/> (0.5).
/// Content blocks ask nothing and are never compared.
/// </summary>
internal static class FieldSimilarity
{
    public const double MatchThreshold = 0.6;

    public const double LabelFloor = 0.5;

    public static double Score(FieldProfile a, FieldProfile b, Vocabulary vocabulary)
    {
        var type = TypeFactor(a, b, vocabulary);
        if (type == 0)
        {
            return 0;
        }
        var label = Label(a.Labels, b.Labels);
        if (a.Field.Type == b.Field.Type && a.Field.Type is FieldType.Email or FieldType.Phone)
        {
            label = Math.Max(label, MatchThreshold);
        }
        if (label < LabelFloor)
        {
            return 0;
        }
        if (a.Options.Length > 0 && b.Options.Length > 0)
        {
            label = (0.7 * label) + (0.3 * OptionOverlap(a.Options, b.Options));
        }
        var score = type * label;
        return score >= MatchThreshold ? score : 0;
    }

    public static double Label(LabelProfile[] a, LabelProfile[] b)
    {
        var best = 0.0;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x.Canonical == y.Canonical)
                {
                    return 1;
                }
                best = Math.Max(best, Math.Max(Jaccard(x.Tokens, y.Tokens), Jaccard(x.Trigrams, y.Trigrams)));
            }
        }
        return best;
    }

    public static double OptionOverlap(int[][] a, int[][] b)
    {
        var matched = 0;
        var used = new bool[b.Length];
        foreach (var option in a)
        {
            for (var j = 0; j < b.Length; j++)
            {
                if (!used[j] && option.Intersect(b[j]).Any())
                {
                    used[j] = true;
                    matched++;
                    break;
                }
            }
        }
        return (double)matched / (a.Length + b.Length - matched);
    }

    private static double TypeFactor(FieldProfile a, FieldProfile b, Vocabulary vocabulary)
    {
        var (x, y) = (a.Field.Type, b.Field.Type);
        if (x == y)
        {
            return x == FieldType.Content ? 0 : 1;
        }
        if (Is(x, y, FieldType.Text, FieldType.LongText) || Is(x, y, FieldType.Select, FieldType.Radios))
        {
            return 0.9;
        }
        var (typed, text) = x is FieldType.Text or FieldType.LongText ? (b, a) : (a, b);
        if (text.Field.Type is not (FieldType.Text or FieldType.LongText))
        {
            return 0;
        }
        var says = typed.Field.Type switch
        {
            FieldType.Email => text.Mentions("email", vocabulary),
            FieldType.Phone => text.Mentions("phone", vocabulary),
            FieldType.Name => text.Mentions("name", vocabulary) || text.Mentions("givenname", vocabulary) || text.Mentions("familyname", vocabulary),
            FieldType.Address => text.Mentions("address", vocabulary),
            FieldType.Date => text.Mentions("date", vocabulary) || text.Mentions("birthdate", vocabulary),
            _ => false,
        };
        return says ? 0.9 : 0;
    }

    private static bool Is(FieldType x, FieldType y, FieldType one, FieldType other) => (x == one && y == other) || (x == other && y == one);

    private static double Jaccard<T>(T[] a, T[] b) where T : IComparable<T>
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            var order = a[i].CompareTo(b[j]);
            if (order == 0)
            {
                common++;
                i++;
                j++;
            }
            else if (order < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return (double)common / (a.Length + b.Length - common);
    }
}
