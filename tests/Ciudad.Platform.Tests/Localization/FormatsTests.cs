using Ciudad.Platform.City;
using Ciudad.Platform.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ciudad.Platform.Tests.Localization;

public sealed class FormatsTests
{
    [Theory]
    [InlineData(123456, "en", "$1,234.56")]
    [InlineData(5, "en", "$0.05")]
    [InlineData(123456, "es", "$1,234.56")]
    public void Money_is_exact_cents_in_dollars(long cents, string culture, string expected) =>
        Assert.Equal(expected, Formats.Money(cents, culture));

    [Fact]
    public void Instants_are_shown_in_the_citys_time_zone_in_each_language()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-07-04T18:30:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var city = new CityTime(Options.Create(new CityOptions { TimeZone = "America/Denver" }), clock);
        var instant = clock.GetUtcNow();

        var english = Formats.Instant(instant, city, "en");
        var spanish = Formats.Instant(instant, city, "es");

        // 18:30 UTC in July is 12:30 in El Paso (Mountain Daylight Time).
        Assert.Equal("Jul 4, 2026, 12:30 PM", english);
        Assert.StartsWith("4 jul", spanish, StringComparison.Ordinal);
        Assert.Contains("12:30", spanish, StringComparison.Ordinal);
    }
}
