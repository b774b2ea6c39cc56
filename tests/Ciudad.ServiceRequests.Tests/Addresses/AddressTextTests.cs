using Ciudad.ServiceRequests.Addresses;

namespace Ciudad.ServiceRequests.Tests.Addresses;

/// <summary>What residents type and what cities publish reduce to the same words.</summary>
public sealed class AddressTextTests
{
    [Theory]
    [InlineData("1200 North Mesa Street, Apt 3, El Paso, TX 79902", "1200", "n mesa st", "3", "79902")]
    [InlineData("1200 N MESA ST #3", "1200", "n mesa st", "3", null)]
    [InlineData("1200 Mesa Stret", "1200", "mesa st", null, null)]
    [InlineData("1200 Calle Mesa", "1200", "mesa st", null, null)]
    [InlineData("5601 Gateway Boulevard North", "5601", "gateway blvd n", null, null)]
    [InlineData("450 Avenida Montaña", "450", "montana ave", null, null)]
    public void Abbreviations_directions_units_and_accents_normalize(string typed, string number, string street, string? unit, string? zip)
    {
        var parsed = AddressText.Parse(typed);

        Assert.Equal(number, parsed.Number);
        Assert.Equal(street, parsed.StreetKey);
        Assert.Equal(unit, parsed.Unit);
        Assert.Equal(zip, parsed.Zipcode);
    }

    [Fact]
    public void Cross_streets_have_no_house_number()
    {
        Assert.Null(AddressText.Parse("Mesa St & Executive Center Blvd").Number);
    }

    [Theory]
    [InlineData("mesa", "msea", 0.75)]
    [InlineData("sunland park", "sunlandpark", 1.0)]
    public void Similarity_forgives_swaps_and_spaces(string typed, string known, double atLeast)
    {
        Assert.True(Similarity.Of(typed, known) >= atLeast);
    }
}
