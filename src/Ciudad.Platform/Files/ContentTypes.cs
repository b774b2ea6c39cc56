using System.Net.Http.Headers;

namespace Ciudad.Platform.Files;

/// <summary>Content types as stored: a valid media type or application/octet-stream, never a header injection.</summary>
internal static class ContentTypes
{
    public const string Default = "application/octet-stream";

    public static string Normalize(string? contentType)
    {
        var trimmed = contentType?.Trim();
        return !string.IsNullOrEmpty(trimmed) && trimmed.Length <= 200 && trimmed.All(c => char.IsAscii(c) && !char.IsControl(c))
            && MediaTypeHeaderValue.TryParse(trimmed, out var parsed)
            ? parsed.ToString()
            : Default;
    }
}
