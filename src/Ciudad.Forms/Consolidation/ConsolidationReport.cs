namespace Ciudad.Forms.Consolidation;

/// <summary>Two forms of the catalog that look like copies of each other.</summary>
internal sealed record FormPair(CatalogForm A, CatalogForm B, double Score, IReadOnlyList<FieldMatch> SharedFields, IReadOnlyList<string> OnlyInA, IReadOnlyList<string> OnlyInB);

/// <summary>Forms linked by pairs above the threshold (a connected component), with their average pairwise score over those pairs.</summary>
internal sealed record FormCluster(IReadOnlyList<CatalogForm> Forms, double AverageScore);

/// <summary>
/// The catalog's near-copies: every pair of forms scoring at least the threshold
/// (<see cref="FormSimilarity"/>), best first, and the clusters they make (union-find over those
/// pairs), best average first. Each form is normalized once; a pair is compared field by field
/// only when its upper bound (<see cref="FormSimilarity.UpperBound"/>: the fields sharing a
/// token with the other form, counted through an inverted index) reaches the threshold.
/// </summary>
internal sealed record ConsolidationReport(IReadOnlyList<FormPair> Pairs, IReadOnlyList<FormCluster> Clusters, int ComparedPairs, int SkippedPairs)
{
    public const double DefaultThreshold = 0.6;

    public static ConsolidationReport Build(IReadOnlyList<CatalogForm> forms, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(forms);
        var vocabulary = new Vocabulary();
        var profiles = forms.Select(f => FormProfile.Of(f, vocabulary)).ToArray();
        var touching = Touching(profiles);
        var pairs = new List<(int I, int J, FormComparison Comparison)>();
        var compared = 0;
        var skipped = 0;
        for (var i = 0; i < profiles.Length; i++)
        {
            for (var j = i + 1; j < profiles.Length; j++)
            {
                var (a, b) = (profiles[i], profiles[j]);
                if (FormSimilarity.UpperBound(a, b, touching[i][j], touching[j][i]) < threshold)
                {
                    skipped++;
                    continue;
                }
                compared++;
                var comparison = FormSimilarity.Compare(a, b, vocabulary);
                if (comparison.Score >= threshold)
                {
                    pairs.Add((i, j, comparison));
                }
            }
        }
        return new(
            [.. pairs.OrderByDescending(p => p.Comparison.Score).ThenBy(p => p.I).ThenBy(p => p.J)
                .Select(p => new FormPair(forms[p.I], forms[p.J], p.Comparison.Score, p.Comparison.Shared, p.Comparison.OnlyInA, p.Comparison.OnlyInB))],
            Cluster(forms, pairs),
            compared,
            skipped);
    }

    /// <summary>
    /// For each form and each other form, how many of its fields share a prefilter id with that
    /// form: one pass over an inverted index (id → forms), so the cost is the index's postings,
    /// not the pairs.
    /// </summary>
    private static int[][] Touching(FormProfile[] profiles)
    {
        var index = new Dictionary<int, List<int>>();
        for (var f = 0; f < profiles.Length; f++)
        {
            foreach (var id in profiles[f].Fields.SelectMany(field => field.Blocking).Distinct())
            {
                if (!index.TryGetValue(id, out var forms))
                {
                    index[id] = forms = [];
                }
                forms.Add(f);
            }
        }
        var touching = new int[profiles.Length][];
        var stamp = new int[profiles.Length];
        var field = 0;
        for (var f = 0; f < profiles.Length; f++)
        {
            var counts = touching[f] = new int[profiles.Length];
            foreach (var profile in profiles[f].Fields)
            {
                field++;
                foreach (var id in profile.Blocking)
                {
                    foreach (var other in index[id])
                    {
                        if (stamp[other] != field)
                        {
                            stamp[other] = field;
                            counts[other]++;
                        }
                    }
                }
            }
        }
        return touching;
    }

    private static List<FormCluster> Cluster(IReadOnlyList<CatalogForm> forms, List<(int I, int J, FormComparison Comparison)> pairs)
    {
        var parent = Enumerable.Range(0, forms.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }
        foreach (var (i, j, _) in pairs)
        {
            var (ri, rj) = (Find(i), Find(j));
            if (ri != rj)
            {
                parent[Math.Max(ri, rj)] = Math.Min(ri, rj);
            }
        }
        return [.. pairs.GroupBy(p => Find(p.I))
            .Select(g => new FormCluster(
                [.. g.SelectMany(p => new[] { p.I, p.J }).Distinct().Order().Select(k => forms[k])],
                Math.Round(g.Average(p => p.Comparison.Score), 4)))
            .OrderByDescending(c => c.AverageScore).ThenByDescending(c => c.Forms.Count)];
    }
}
