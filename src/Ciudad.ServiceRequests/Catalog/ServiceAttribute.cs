using Ciudad.Platform.Localization;

namespace Ciudad.ServiceRequests.Catalog;

/// <summary>A question a service asks (Open311 service definition <c>attribute</c>).</summary>
internal sealed class ServiceAttribute
{
    public int Id { get; set; }
    public int ServiceId { get; set; }

    /// <summary>Open311 <c>code</c>: the name the answer is posted under (<c>attribute[code]</c>).</summary>
    public required string Code { get; set; }
    public AttributeDatatype Datatype { get; set; }

    /// <summary>
    /// False for informational attributes (Open311 <c>variable=false</c>): text shown to the
    /// resident, never answered.
    /// </summary>
    public bool IsVariable { get; set; } = true;
    public bool IsRequired { get; set; }

    /// <summary>The question ("How deep is the pothole?").</summary>
    public required LocalizedText Description { get; set; }

    /// <summary>Hint about the expected answer ("In inches").</summary>
    public LocalizedText DatatypeDescription { get; set; } = LocalizedText.Of("", "");
    public int Order { get; set; }

    public List<AttributeValue> Values { get; set; } = [];

    public bool IsList => Datatype is AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList;
}

/// <summary>One allowed answer of a list attribute (Open311 <c>values/value</c>).</summary>
internal sealed class AttributeValue
{
    public int Id { get; set; }
    public int AttributeId { get; set; }
    public required string Key { get; set; }
    public required LocalizedText Name { get; set; }
    public int Order { get; set; }
}

/// <summary>Open311 attribute datatypes; <see cref="AttributeDatatypes.Open311Name"/> gives the wire spelling.</summary>
#pragma warning disable CA1720 // The members are named after the Open311 datatypes they stand for.
internal enum AttributeDatatype
{
    String = 0,
    Number = 1,
    Datetime = 2,
    Text = 3,
    SingleValueList = 4,
    MultiValueList = 5,
}
#pragma warning restore CA1720

internal static class AttributeDatatypes
{
    public static string Open311Name(this AttributeDatatype datatype) => datatype switch
    {
        AttributeDatatype.String => "string",
        AttributeDatatype.Number => "number",
        AttributeDatatype.Datetime => "datetime",
        AttributeDatatype.Text => "text",
        AttributeDatatype.SingleValueList => "singlevaluelist",
        AttributeDatatype.MultiValueList => "multivaluelist",
        _ => throw new ArgumentOutOfRangeException(nameof(datatype)),
    };
}
