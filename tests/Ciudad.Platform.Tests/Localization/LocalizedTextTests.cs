using System.Globalization;
using Ciudad.Platform.Localization;

namespace Ciudad.Platform.Tests.Localization;

public sealed class LocalizedTextTests
{
    private static readonly LocalizedText Pothole = LocalizedText.From(("en", "Pothole"), ("es", "Bache"), ("vi", "Ổ gà"));

    [Theory]
    [InlineData("en", "Pothole")]
    [InlineData("es", "Bache")]
    [InlineData("es-MX", "Bache")] // the parent language
    [InlineData("ES-us", "Bache")]
    [InlineData("vi", "Ổ gà")]
    [InlineData("fr", "Pothole")] // not written: English
    [InlineData(null, "Pothole")]
    public void A_culture_reads_its_own_text_then_its_parent_then_English(string? culture, string expected)
    {
        Assert.Equal(expected, Pothole[culture]);
        if (culture is not null)
        {
            Assert.Equal(expected, Pothole.For(CultureInfo.GetCultureInfo(culture)));
        }
    }

    [Fact]
    public void An_empty_text_that_was_written_stays_empty_rather_than_falling_back()
    {
        var description = LocalizedText.Of("Holes in the road", "");
        Assert.Equal("", description["es"]);
        Assert.Null(description.Exactly("vi"));
        Assert.Equal("Holes in the road", description["vi"]);
    }

    [Fact]
    public void The_stored_json_reads_back_equal_whatever_it_holds()
    {
        var tricky = LocalizedText.Of("Say \"hi\" \\ <b>", "Señal 🚦\n{\"en\":1}");
        var json = tricky.ToJson();
        Assert.Equal(tricky, LocalizedText.FromJson(json));
        Assert.Equal(LocalizedText.Of("a", "b"), LocalizedText.FromJson("""{"es":"b","en":"a"}""")); // order does not matter
        Assert.NotEqual(LocalizedText.Of("a", "b"), LocalizedText.Of("a", "B"));
    }

    [Fact]
    public void English_and_Spanish_come_first_and_a_city_may_add_languages()
    {
        Assert.Equal(["en", "es"], new ContentCultures([]).All);
        Assert.Equal(["en", "es", "vi"], new ContentCultures(["vi", "es", "EN", "vi"]).All);
        Assert.Equal(["es"], ContentCultures.MissingRequired(LocalizedText.From(("en", "Pothole"), ("es", " "))));
        Assert.Throws<ArgumentException>(() => ContentCultures.EnsureComplete(LocalizedText.From(("en", "Pothole")), "A name"));
    }

    [Theory]
    [InlineData(new[] { "en", "es", "vi" }, true)]
    [InlineData(new[] { "en", "vi" }, false)] // Spanish cannot be dropped
    [InlineData(new[] { "en", "es", "klingon" }, false)]
    public void Configured_cultures_are_checked_at_start(string[] cultures, bool valid)
    {
        var result = new ContentCultureOptionsValidator().Validate(null, new ContentCultureOptions { Cultures = cultures });
        Assert.Equal(valid, result.Succeeded);
    }
}
