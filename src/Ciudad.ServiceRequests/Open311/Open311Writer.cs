using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using Ciudad.Platform.Text;

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

    // HTML-sensitive characters (< > & ' ") are escaped as \u003C and so on: a client that pastes a
    // description into a page, or a browser that sniffs the body, never meets live markup. Letters of
    // every script stay readable ("Bache en la calle", "señal").
    private static readonly JsonWriterOptions JsonSettings = new()
    {
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

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
        string s => UntrustedText.ForXml(s),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset t => DateTime(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => UntrustedText.ForXml(value.ToString() ?? ""),
    };

    /// <summary>ISO 8601 with the offset the instant carries (callers pass city-local instants).</summary>
    public static string DateTime(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
