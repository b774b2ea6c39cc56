using System.Xml;
using Ciudad.Platform.Text;

namespace Ciudad.Platform.Tests.Text;

public sealed class UntrustedTextTests
{
    [Theory]
    [InlineData("Calle Mesa\uFFFF 100", "Calle Mesa 100")]           // noncharacter at the end of the BMP
    [InlineData("Av.\uFFFE Juárez", "Av. Juárez")]
    [InlineData("a\uFDD0b\uFDEFc", "abc")]                            // the noncharacter block
    [InlineData("x\U0001FFFFy\U0010FFFEz", "xyz")]                    // plane noncharacters (surrogate pairs)
    [InlineData("nul\0 bell\u0007 del\u007F c1\u0085\u009F", "nul bell del c1")]
    [InlineData("\u202Etxt.exe\u202C \u2066iso\u2069 \u202Aemb\u202B", "txt.exe iso emb")]
    public void Clean_drops_what_nobody_typed_and_what_breaks_outputs(string input, string expected) =>
        Assert.Equal(expected, UntrustedText.Clean(input));

    [Fact]
    public void Clean_drops_lone_surrogates_and_keeps_pairs()
    {
        // Built here, not in [InlineData]: xunit would replace a lone surrogate before the test saw it.
        var text = "lone " + '\uD800' + " high, " + '\uDC00' + " low, pair \U0001F6A7";

        Assert.Equal("lone  high,  low, pair \U0001F6A7", UntrustedText.Clean(text));
    }

    [Theory]
    [InlineData("Tab\tnew\nline\r\n")]
    [InlineData("Señal de alto caída — 5 m² ✓")]
    [InlineData("Emoji kept 🕳️🚧")]                                    // valid surrogate pairs
    [InlineData("שדרות 12 / شارع \u200F mark \u200E")]                // RTL scripts and direction marks stay
    public void Clean_keeps_every_language_and_the_marks_that_only_hint_direction(string input) =>
        Assert.Same(input, UntrustedText.Clean(input));

    [Fact]
    public void ForXml_leaves_only_characters_an_xml_writer_accepts()
    {
        var hostile = "a\uFFFF\u0001b\uD800c\u202Ed\U0001F600";

        var cleaned = UntrustedText.ForXml(hostile);

        Assert.Equal("abc\u202Ed\U0001F600", cleaned);
        using var writer = XmlWriter.Create(new StringWriter());
        writer.WriteElementString("x", cleaned); // throws on any character XML 1.0 cannot carry
    }

    [Fact]
    public void Every_code_point_that_clean_keeps_can_be_written_as_xml()
    {
        for (var codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }
            var text = char.ConvertFromUtf32(codePoint);
            if (UntrustedText.Clean(text) is { Length: > 0 } kept)
            {
                Assert.True(XmlConvert.VerifyXmlChars(kept) == kept, $"U+{codePoint:X4} kept but not XML");
            }
        }
    }
}
