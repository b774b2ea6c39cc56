using System.Globalization;
using Ciudad.Platform.Localization;

namespace Ciudad.Platform.Tests.Localization;

/// <summary>Strings read as written by hand: real plurals, and one full stop at the end of a sentence.</summary>
public sealed class PluralAndPunctuationTests
{
    private static readonly StringCatalog Catalog = new([typeof(PlatformModule).Assembly, typeof(Program).Assembly, typeof(Ciudad.Web.UI.SharedStrings).Assembly, .. Ciudad.Web.CiudadModules.All.Select(m => m.Assembly)]);

    [Theory]
    [InlineData("en", 1, "1 photo")]
    [InlineData("en", 2, "2 photos")]
    [InlineData("en", 0, "0 photos")]
    [InlineData("es", 1, "1 foto")]
    [InlineData("es", 3, "3 fotos")]
    public void A_plural_string_takes_the_form_its_count_needs(string culture, int count, string expected) =>
        Assert.Equal(expected, Catalog.Format(culture, "Report.Check.PhotoCount", count));

    [Fact]
    public void No_string_writes_a_plural_as_s_in_brackets()
    {
        var bracketed = SupportedCultureKeys().Where(k => Catalog.Get("en", k).Contains("(s)", StringComparison.Ordinal)
            || Catalog.Get("es", k).Contains("(s)", StringComparison.Ordinal) || Catalog.Get("es", k).Contains("(es)", StringComparison.Ordinal));
        Assert.Empty(bracketed);
    }

    [Fact]
    public void A_value_ending_in_a_full_stop_does_not_get_a_second_one()
    {
        var spanish = CultureInfo.GetCultureInfo("es-MX");

        Assert.Equal("hasta el 3 dic 2026, 2:30 p. m.", CatalogFormatting.Format(spanish, "hasta el {0}.", "3 dic 2026, 2:30 p. m."));
        Assert.Equal("hasta el 3 dic 2026.", CatalogFormatting.Format(spanish, "hasta el {0}.", "3 dic 2026"));
        Assert.Equal("Espere...", CatalogFormatting.Format(spanish, "{0}...", "Espere"));
    }

    private static IEnumerable<string> SupportedCultureKeys() => Catalog.Keys("en");
}
