namespace Ciudad.Forms.Consolidation;

/// <summary>A form normalized once: its answering fields (groups' own fields are compared as part of the group) and its title.</summary>
internal sealed class FormProfile
{
    public required CatalogForm Form { get; init; }

    public required FieldProfile[] Fields { get; init; }

    public required LabelProfile[] Title { get; init; }

    public static FormProfile Of(CatalogForm form, Vocabulary vocabulary)
    {
        var fields = form.Definition.Pages.SelectMany(p => p.Fields).Where(f => f.Answers).Select(f => FieldProfile.Of(f, vocabulary)).ToArray();
        var title = LabelProfile.All(form.Title, vocabulary, title: true);
        return new() { Form = form, Fields = fields, Title = title.Length > 0 ? title : LabelProfile.All(form.Definition.Title, vocabulary, title: true) };
    }
}

/// <summary>Two fields found to ask the same question, by key, with their score.</summary>
internal sealed record FieldMatch(string KeyA, string KeyB, double Score);

/// <summary>How two forms compare: their score, the questions they share and those only one asks.</summary>
internal sealed record FormComparison(double Score, IReadOnlyList<FieldMatch> Shared, IReadOnlyList<string> OnlyInA, IReadOnlyList<string> OnlyInB);

/// <summary>
/// Form similarity, 0..1: <c>0.8 × field overlap + 0.2 × title similarity</c>. Field overlap is
/// the best one-to-one matching of the two forms' answering top-level fields (greedy, highest
/// field score first) as the sum of the matched scores over the union (<c>|A| + |B| − matched</c>);
/// identical forms score 1. Title similarity is <see cref="FieldSimilarity.Label"/> on the titles
/// with words every title carries ("application", "form", "solicitud") dropped.
/// </summary>
internal static class FormSimilarity
{
    public const double FieldWeight = 0.8;

    public const double TitleWeight = 0.2;

    public static FormComparison Compare(FormProfile a, FormProfile b, Vocabulary vocabulary)
    {
        var candidates = new List<(int I, int J, double Score)>();
        for (var i = 0; i < a.Fields.Length; i++)
        {
            for (var j = 0; j < b.Fields.Length; j++)
            {
                var fieldScore = FieldSimilarity.Score(a.Fields[i], b.Fields[j], vocabulary);
                if (fieldScore > 0)
                {
                    candidates.Add((i, j, fieldScore));
                }
            }
        }
        var pairs = Greedy(candidates, a.Fields.Length, b.Fields.Length);
        var sum = pairs.Sum(p => p.Score);
        var union = a.Fields.Length + b.Fields.Length - pairs.Count;
        var overlap = union == 0 ? 0 : sum / union;
        var score = (FieldWeight * overlap) + (TitleWeight * FieldSimilarity.Label(a.Title, b.Title));
        var inA = pairs.Select(p => p.I).ToHashSet();
        var inB = pairs.Select(p => p.J).ToHashSet();
        return new(
            Math.Round(score, 4),
            [.. pairs.OrderBy(p => p.I).Select(p => new FieldMatch(a.Fields[p.I].Field.Key, b.Fields[p.J].Field.Key, Math.Round(p.Score, 4)))],
            [.. a.Fields.Where((_, i) => !inA.Contains(i)).Select(f => f.Field.Key)],
            [.. b.Fields.Where((_, j) => !inB.Contains(j)).Select(f => f.Field.Key)]);
    }

    /// <summary>
    /// The highest score a pair can reach when only fields sharing a token (or a token's first four
    /// letters, or the email or phone type) with the other form can match: <paramref name="touchingA"/>
    /// fields of A and <paramref name="touchingB"/> of B do, which bounds the matches, and the union is
    /// at least the larger form. Pairs below the threshold by this bound are not compared field by
    /// field. (Two labels alike only by trigrams, with no token or four-letter prefix in common, are
    /// the one kind of match the bound does not see.)
    /// </summary>
    public static double UpperBound(FormProfile a, FormProfile b, int touchingA, int touchingB)
    {
        var largest = Math.Max(a.Fields.Length, b.Fields.Length);
        if (largest == 0)
        {
            return TitleWeight;
        }
        var possible = Math.Min(Math.Min(a.Fields.Length, b.Fields.Length), Math.Min(touchingA, touchingB));
        return (FieldWeight * possible / largest) + TitleWeight;
    }

    /// <summary>One-to-one pairs, best score first (ties: the earlier field of A, then of B).</summary>
    internal static List<(int I, int J, double Score)> Greedy(List<(int I, int J, double Score)> candidates, int countA, int countB)
    {
        var usedA = new bool[countA];
        var usedB = new bool[countB];
        var pairs = new List<(int I, int J, double Score)>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.I).ThenBy(c => c.J))
        {
            if (!usedA[candidate.I] && !usedB[candidate.J])
            {
                usedA[candidate.I] = usedB[candidate.J] = true;
                pairs.Add(candidate);
            }
        }
        return pairs;
    }
}
