using Ciudad.Platform.Localization;

namespace Ciudad.Platform.Tests.Localization;

/// <summary>Distances in the units the city chose (Ciudad:Units), rounded as people say them.</summary>
public sealed class DistancesTests
{
    private static readonly StringCatalog Catalog = new([typeof(PlatformModule).Assembly]);

    [Theory]
    [InlineData(45, UnitSystem.Imperial, "en", "150 ft")]
    [InlineData(45, UnitSystem.Imperial, "es", "150 pies")]
    [InlineData(800, UnitSystem.Imperial, "en", "0.5 mi")]
    [InlineData(2000, UnitSystem.Imperial, "es", "1.2 millas")]
    [InlineData(45, UnitSystem.Metric, "en", "50 m")]
    [InlineData(1500, UnitSystem.Metric, "en", "1.5 km")]
    public void Distances_read_in_the_citys_units(double metres, UnitSystem units, string culture, string expected) =>
        Assert.Equal(expected, Distances.Format(metres, units, culture, Catalog));
}
