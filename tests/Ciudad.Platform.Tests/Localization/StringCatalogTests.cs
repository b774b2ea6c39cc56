using System.Text.RegularExpressions;
using Ciudad.Platform.Localization;

namespace Ciudad.Platform.Tests.Localization;

/// <summary>Both languages are complete, and every string a page asks for exists.</summary>
public sealed partial class StringCatalogTests
{
    // The same assemblies the host gives the catalog (Program.cs): pages also show module strings.
    private static readonly StringCatalog Catalog = new([typeof(PlatformModule).Assembly, typeof(Program).Assembly, typeof(Ciudad.Web.UI.SharedStrings).Assembly, .. Ciudad.Web.CiudadModules.All.Select(m => m.Assembly)]);

    [Fact]
    public void English_and_spanish_have_exactly_the_same_keys()
    {
        var english = Catalog.Keys("en").ToHashSet();
        var spanish = Catalog.Keys("es").ToHashSet();

        Assert.Empty(english.Except(spanish));
        Assert.Empty(spanish.Except(english));
    }

    [Fact]
    public void Spanish_strings_are_translated_not_copied()
    {
        // A few strings are the same in both languages on purpose (names, "Error:").
        var same = Catalog.Keys("en").Where(k => Catalog.Get("en", k) == Catalog.Get("es", k) && Catalog.Get("en", k).Length > 12).ToList();

        Assert.Empty(same);
    }

    [Fact]
    public void Placeholders_match_between_languages()
    {
        foreach (var key in Catalog.Keys("en"))
        {
            var english = Placeholders(Catalog.Get("en", key));
            var spanish = Placeholders(Catalog.Get("es", key));
            Assert.True(english.SetEquals(spanish), $"{key}: en has {{{string.Join(",", english)}}}, es has {{{string.Join(",", spanish)}}}");
        }
    }

    [Fact]
    public void Every_literal_key_used_in_a_page_exists()
    {
        var pages = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src"));
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(pages, "*.cs*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (Match match in KeyUse().Matches(File.ReadAllText(file)))
            {
                var key = match.Groups["key"].Value;
                if (!Catalog.TryGet("en", key, out _))
                {
                    missing.Add($"{Path.GetFileName(file)}: {key}");
                }
            }
        }
        Assert.Empty(missing);
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    // L["Area.Key"], strings["Area.Key"], ErrorMessage = "Area.Key" — whole literal keys only
    // (a key built as "Prefix." + variable is checked by the pages' own tests).
    [GeneratedRegex(@"(?:\b(?:L|strings|localizer|S)\[""|ErrorMessage\s*=\s*"")(?<key>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)""(?=\s*[\],)])")]
    private static partial Regex KeyUse();
}
