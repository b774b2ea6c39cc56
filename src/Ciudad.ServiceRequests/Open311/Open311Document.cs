namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// A format-neutral GeoReport answer, rendered by <see cref="Open311Writer"/> as XML or JSON.
/// Building one tree for both keeps the two formats from drifting apart: the JSON mirrors the XML
/// exactly, as the spec asks.
/// Field values are <c>null</c>, <see cref="string"/>, <see cref="bool"/>, <see cref="int"/>,
/// <see cref="long"/>, <see cref="double"/>, <see cref="DateTimeOffset"/>, an <see cref="Open311Record"/>
/// or an <see cref="Open311List"/>.
/// </summary>
internal abstract record Open311Node;

/// <summary>An XML element with child elements; a JSON object. Field order is kept.</summary>
internal sealed record Open311Record(string Element, IReadOnlyList<KeyValuePair<string, object?>> Fields) : Open311Node
{
    public static Open311Record Of(string element, params (string Name, object? Value)[] fields) =>
        new(element, [.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]);
}

/// <summary>
/// <c>&lt;services&gt;&lt;service/&gt;…&lt;/services&gt;</c> in XML; a bare array in JSON. Inside a
/// record the field's name is the wrapper element.
/// </summary>
internal sealed record Open311List(string Element, string ItemElement, IReadOnlyList<object?> Items) : Open311Node;
