using Microsoft.AspNetCore.Http;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>Writes a GeoReport answer (or error list) in the requested format with the spec's content type.</summary>
internal sealed class Open311Result(Open311Format format, int statusCode, Open311Node body) : IResult
{
    public Open311Format Format => format;
    public int StatusCode => statusCode;

    /// <summary>Seconds, for 429 answers.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Extra response headers (the paging signals <c>Link</c> and <c>X-Total-Count</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public static Open311Result Ok(Open311Format format, Open311Node body) => new(format, StatusCodes.Status200OK, body);

    public static Open311Result Error(Open311Format format, int statusCode, string description) =>
        Errors(format, statusCode, [description]);

    /// <summary><c>&lt;errors&gt;&lt;error&gt;&lt;code/&gt;&lt;description/&gt;</c>; several problems may be listed at once.</summary>
    public static Open311Result Errors(Open311Format format, int statusCode, IEnumerable<string> descriptions) =>
        new(format, statusCode, ErrorList(statusCode, descriptions));

    /// <summary>429 with Retry-After, for a key over its rate.</summary>
    public static Open311Result TooManyRequests(Open311Format format, string description, int retryAfterSeconds) =>
        new(format, StatusCodes.Status429TooManyRequests, ErrorList(StatusCodes.Status429TooManyRequests, [description]))
        {
            RetryAfterSeconds = retryAfterSeconds,
        };

    private static Open311List ErrorList(int statusCode, IEnumerable<string> descriptions) =>
        new("errors", "error", [.. descriptions.Select(d => Open311Record.Of("error", ("code", statusCode), ("description", d)))]);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var bytes = Open311Writer.Render(body, format);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = format.ContentType();
        response.ContentLength = bytes.Length;
        // Map and dashboard clients read the API from other sites; no cookies are involved.
        response.Headers.AccessControlAllowOrigin = "*";
        foreach (var (name, value) in Headers)
        {
            response.Headers.Append(name, value);
        }
        if (RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }
}

/// <summary>
/// A client mistake found while reading the call (bad date, unknown jurisdiction…). Thrown from
/// parameter parsing so handlers stay linear; <see cref="Open311ErrorFilter"/> turns it into the
/// spec's error list.
/// </summary>
#pragma warning disable CA1032 // Only ever built with a status and a description.
internal sealed class Open311Problem(int statusCode, string description) : Exception(description)
#pragma warning restore CA1032
{
    public int StatusCode { get; } = statusCode;

    public static Open311Problem BadRequest(string description) => new(StatusCodes.Status400BadRequest, description);
    public static Open311Problem NotFound(string description) => new(StatusCodes.Status404NotFound, description);
}
