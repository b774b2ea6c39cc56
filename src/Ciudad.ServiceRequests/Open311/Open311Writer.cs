using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>Renders an <see cref="Open311Node"/> as GeoReport XML (no namespace) or JSON.</summary>
internal static class Open311Writer
{
    private static readonly XmlWriterSettings XmlSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = false,
        Indent = false,
    };

    // Text stays readable ("city's", "Bache en la calle"): the body is served as application/json
    // with nosniff, never inlined into HTML, so HTML-sensitive characters need no escaping.
    private static readonly JsonWriterOptions JsonSettings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Render(Open311Node root, Open311Format format) =>
        format == Open311Format.Json ? Json(root) : Xml(root);

    public static byte[] Xml(Open311Node root)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, XmlSettings))
        {
            xml.WriteStartDocument();
            WriteXmlNode(xml, root, root is Open311List list ? list.Element : ((Open311Record)root).Element);
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    public static byte[] Json(Open311Node root)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonSettings))
        {
            WriteJsonValue(json, root);
        }
        return buffer.ToArray();
    }

    private static void WriteXmlNode(XmlWriter xml, object? value, string element)
    {
        xml.WriteStartElement(element);
        switch (value)
        {
            case Open311Record record:
                foreach (var (name, field) in record.Fields)
                {
                    WriteXmlNode(xml, field, name);
                }
                break;
            case Open311List list:
                foreach (var item in list.Items)
                {
                    WriteXmlNode(xml, item, list.ItemElement);
                }
                break;
            case null:
                break; // an empty element: the XML spelling of "no value"
            default:
                xml.WriteString(Scalar(value));
                break;
        }
        xml.WriteEndElement();
    }

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case Open311Record record:
                json.WriteStartObject();
                foreach (var (name, field) in record.Fields)
                {
                    json.WritePropertyName(name);
                    WriteJsonValue(json, field);
                }
                json.WriteEndObject();
                break;
            case Open311List list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJsonValue(json, item);
                }
                json.WriteEndArray();
                break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case double d: json.WriteNumberValue(d); break;
            default: json.WriteStringValue(Scalar(value)); break;
        }
    }

    private static string Scalar(object value) => value switch
    {
        string s => Clean(s),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset t => DateTime(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Clean(value.ToString() ?? ""),
    };

    /// <summary>ISO 8601 with the offset the instant carries (callers pass city-local instants).</summary>
    public static string DateTime(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// Drops characters XML 1.0 cannot carry (control characters, lone surrogates) so that stored
    /// text from any client never makes a response unparseable; JSON gets the same text.
    /// </summary>
    public static string Clean(string text)
    {
        var firstBad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsKept(text, i, out var width))
            {
                firstBad = i;
                break;
            }
            i += width - 1;
        }
        if (firstBad < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            if (IsKept(text, i, out var width))
            {
                builder.Append(text, i, width);
                i += width - 1;
            }
        }
        return builder.ToString();
    }

    private static bool IsKept(string text, int index, out int width)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[index + 1], c))
        {
            width = 2;
            return true;
        }
        width = 1;
        return XmlConvert.IsXmlChar(c);
    }
}
