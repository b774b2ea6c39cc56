namespace Ciudad.ServiceRequests.Addresses;

/// <summary>How alike two street names are, 0 (nothing alike) to 1 (the same), forgiving typing slips.</summary>
internal static class Similarity
{
    /// <summary>1 minus the edit distance over the longer length, ignoring spaces ("sunland park" = "sunlandpark").</summary>
    public static double Of(string typed, string known)
    {
        var a = typed.Replace(" ", "", StringComparison.Ordinal);
        var b = known.Replace(" ", "", StringComparison.Ordinal);
        var longer = Math.Max(a.Length, b.Length);
        return longer == 0 ? 1 : 1 - (double)EditDistance(a, b) / longer;
    }

    /// <summary>
    /// For autocomplete: how well what is typed so far matches the start of a name ("mes" fits
    /// "mesa" perfectly, "mse" nearly).
    /// </summary>
    public static double OfPrefix(string typed, string known)
    {
        var a = typed.Replace(" ", "", StringComparison.Ordinal);
        var b = known.Replace(" ", "", StringComparison.Ordinal);
        if (a.Length == 0)
        {
            return 0;
        }
        var start = b.Length > a.Length ? b[..a.Length] : b;
        return 1 - (double)EditDistance(a, start) / a.Length;
    }

    /// <summary>Damerau–Levenshtein (optimal string alignment): a swap of two letters counts as one slip.</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
