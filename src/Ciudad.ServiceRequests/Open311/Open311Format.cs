namespace Ciudad.ServiceRequests.Open311;

/// <summary>The URL suffix that picks the response format (<c>services.xml</c>, <c>services.json</c>).</summary>
internal enum Open311Format
{
    Xml,
    Json,
}

internal static class Open311Formats
{
    public const string XmlContentType = "text/xml; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    public static bool TryParse(string? suffix, out Open311Format format)
    {
        format = Open311Format.Xml;
        if (string.Equals(suffix, "xml", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (string.Equals(suffix, "json", StringComparison.OrdinalIgnoreCase))
        {
            format = Open311Format.Json;
            return true;
        }
        return false;
    }

    /// <summary>
    /// For errors on paths that matched no endpoint: JSON when the path asks for it, else XML, the
    /// format every GeoReport server must speak.
    /// </summary>
    public static Open311Format FromPath(string? path) =>
        path is not null && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? Open311Format.Json : Open311Format.Xml;

    public static string ContentType(this Open311Format format) =>
        format == Open311Format.Json ? JsonContentType : XmlContentType;
}
