using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ciudad.ServiceRequests.Addresses;

/// <summary>
/// An address as words a computer can compare: "1200 North Mesa Street, Apt 3" and "1200 N MESA ST #3"
/// both become number "1200", direction "n", name "mesa", type "st", unit "3". The same parsing runs
/// on imported points and on what residents type, so comparing the two is comparing like with like.
/// </summary>
internal sealed record ParsedAddress(string? Number, string? Direction, string Name, string? Type, string? PostDirection, string? Unit, string? Zipcode)
{
    /// <summary>The street as one normalized key: "n mesa st".</summary>
    public string StreetKey => string.Join(' ', new[] { Direction, Name, Type, PostDirection }.Where(t => !string.IsNullOrEmpty(t)));
}

internal static partial class AddressText
{
    private static readonly Dictionary<string, string> Directions = new(StringComparer.Ordinal)
    {
        ["n"] = "n", ["north"] = "n", ["norte"] = "n",
        ["s"] = "s", ["south"] = "s", ["sur"] = "s",
        ["e"] = "e", ["east"] = "e", ["este"] = "e", ["oriente"] = "e",
        ["w"] = "w", ["west"] = "w", ["oeste"] = "w", ["poniente"] = "w",
        ["ne"] = "ne", ["northeast"] = "ne", ["nw"] = "nw", ["northwest"] = "nw",
        ["se"] = "se", ["southeast"] = "se", ["sw"] = "sw", ["southwest"] = "sw",
    };

    // Street types by their USPS abbreviation, with the long forms people type (English and Spanish).
    private static readonly Dictionary<string, string[]> TypeWords = new(StringComparer.Ordinal)
    {
        ["st"] = ["street", "str", "calle"],
        ["ave"] = ["avenue", "av", "avenida", "avn"],
        ["blvd"] = ["boulevard", "blv", "boulv", "bulevar"],
        ["dr"] = ["drive", "drv"],
        ["rd"] = ["road"],
        ["ln"] = ["lane"],
        ["ct"] = ["court"],
        ["pl"] = ["place"],
        ["cir"] = ["circle"],
        ["pkwy"] = ["parkway"],
        ["hwy"] = ["highway", "carretera"],
        ["trl"] = ["trail"],
        ["ter"] = ["terrace"],
        ["way"] = [],
        ["loop"] = [],
        ["pass"] = [],
        ["plz"] = ["plaza"],
        ["sq"] = ["square"],
    };

    private static readonly Dictionary<string, string> Types = TypeWords
        .SelectMany(t => t.Value.Append(t.Key).Select(word => (word, t.Key)))
        .ToDictionary(p => p.word, p => p.Key, StringComparer.Ordinal);

    // Words long enough that one slip ("stret", "avenu", "bulevard") can still be recognized.
    private static readonly (string Word, string Type)[] LongTypeWords = [.. TypeWords
        .SelectMany(t => t.Value.Append(t.Key).Select(word => (word, t.Key)))
        .Where(p => p.word.Length >= 5)];

    // Spanish puts the type first ("Calle Mesa", "Avenida Montana").
    private static readonly HashSet<string> LeadingTypes = new(["calle", "avenida", "bulevar", "carretera", "camino"], StringComparer.Ordinal);

    private static readonly HashSet<string> UnitWords = new(["apt", "apartment", "unit", "ste", "suite", "depto", "departamento", "interior", "int", "bldg", "lot", "spc", "space"], StringComparer.Ordinal);

    /// <summary>Lower case, accents removed, punctuation as spaces (but "#" kept as a unit marker).</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : c == '#' ? " # " : ' ');
        }
        return builder.ToString();
    }

    /// <summary>Parses a whole address line: "1200 N Mesa St Apt 3, El Paso, TX 79902".</summary>
    public static ParsedAddress Parse(string text, string? zipcode = null)
    {
        var tokens = Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var zip = Zip(zipcode);
        // A trailing ZIP (and the city and state before it) is not part of the street.
        if (tokens.Count > 1 && ZipPattern().IsMatch(tokens[^1]))
        {
            zip ??= tokens[^1][..5];
            tokens.RemoveAt(tokens.Count - 1);
        }
        TrimCityAndState(tokens);
        string? number = null;
        if (tokens.Count > 0 && NumberPattern().IsMatch(tokens[0]))
        {
            number = tokens[0];
            tokens.RemoveAt(0);
        }
        var unit = TakeUnit(tokens);
        var street = ParseStreet(tokens);
        return street with { Number = number, Unit = unit, Zipcode = zip };
    }

    /// <summary>Parses a street given on its own (an import's street column): "N Mesa St", "Gateway Blvd N".</summary>
    public static ParsedAddress ParseStreet(string street) =>
        ParseStreet(Fold(street).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList());

    public static string? Zip(string? zipcode) =>
        zipcode?.Trim() is { Length: >= 5 } z && ZipPattern().IsMatch(z) ? z[..5] : null;

    public static string? Number(string? number) =>
        number is null ? null : Fold(number).Replace(" ", "", StringComparison.Ordinal) is { Length: > 0 } n && NumberPattern().IsMatch(n) ? n : null;

    public static string? Unit(string? unit) =>
        unit is null ? null : string.Join(' ', Fold(unit).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => t != "#" && !UnitWords.Contains(t))) is { Length: > 0 } u ? u : null;

    private static ParsedAddress ParseStreet(List<string> tokens)
    {
        string? type = null, direction = null, postDirection = null;
        if (tokens.Count > 1 && LeadingTypes.Contains(tokens[0]))
        {
            type = Types.GetValueOrDefault(tokens[0]) ?? tokens[0];
            tokens.RemoveAt(0);
        }
        if (tokens.Count > 1 && Directions.TryGetValue(tokens[0], out var d))
        {
            direction = d;
            tokens.RemoveAt(0);
        }
        if (tokens.Count > 1 && Directions.TryGetValue(tokens[^1], out var pd))
        {
            postDirection = pd;
            tokens.RemoveAt(tokens.Count - 1);
        }
        if (type is null && tokens.Count > 1 && TypeOf(tokens[^1]) is { } t)
        {
            type = t;
            tokens.RemoveAt(tokens.Count - 1);
        }
        if (postDirection is null && tokens.Count > 1 && Directions.TryGetValue(tokens[^1], out var late))
        {
            postDirection = late; // "Gateway N Blvd" is rare but "Gateway Blvd N" already handled above
            tokens.RemoveAt(tokens.Count - 1);
        }
        return new ParsedAddress(null, direction, string.Join(' ', tokens), type, postDirection, null, null);
    }

    /// <summary>A street type, or a word one typing slip away from a long one ("stret" is "street").</summary>
    private static string? TypeOf(string token)
    {
        if (Types.TryGetValue(token, out var type))
        {
            return type;
        }
        if (token.Length < 4)
        {
            return null;
        }
        foreach (var (word, wordType) in LongTypeWords)
        {
            if (Math.Abs(word.Length - token.Length) <= 1 && Similarity.EditDistance(token, word) <= 1)
            {
                return wordType;
            }
        }
        return null;
    }

    private static string? TakeUnit(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (tokens[i] == "#" || UnitWords.Contains(tokens[i]))
            {
                var unit = string.Join(' ', tokens.Skip(i + 1));
                tokens.RemoveRange(i, tokens.Count - i);
                return unit;
            }
        }
        if (tokens.Count > 0 && tokens[^1] == "#")
        {
            tokens.RemoveAt(tokens.Count - 1);
        }
        return null;
    }

    private static void TrimCityAndState(List<string> tokens)
    {
        if (tokens.Count > 2 && tokens[^1] is "tx" or "texas")
        {
            tokens.RemoveAt(tokens.Count - 1);
        }
        if (tokens.Count > 3 && tokens[^2] == "el" && tokens[^1] == "paso")
        {
            tokens.RemoveRange(tokens.Count - 2, 2);
        }
    }

    [GeneratedRegex(@"^\d{5}(\d{4})?$")]
    private static partial Regex ZipPattern();

    [GeneratedRegex(@"^\d{1,7}[a-z]?$")]
    private static partial Regex NumberPattern();
}
