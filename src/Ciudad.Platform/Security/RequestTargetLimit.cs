using Microsoft.AspNetCore.Http;

namespace Ciudad.Platform.Security;

/// <summary>
/// How long a request's path and query may be. The site answers anything longer with 414 itself
/// (in the visitor's language, or in a module's own format such as Open311's) rather than leaving
/// it to Kestrel's empty answer: the host sets Kestrel's request-line limit above this one.
/// </summary>
public static class RequestTargetLimit
{
    /// <summary>Path and query, in characters; Kestrel's default request line limit, so clients see no change.</summary>
    public const int MaxLength = 8 * 1024;

    public static bool IsTooLong(HttpRequest request) =>
        request.Path.Value!.Length + (request.QueryString.Value?.Length ?? 0) > MaxLength;
}
