using System.Globalization;
using Ciudad.ServiceRequests.Requests;

namespace Ciudad.ServiceRequests.Tracking;

/// <summary>
/// The filters of the public list, its map and its feed, read from the query string as people and
/// feed readers write it (<c>?service=pothole&amp;status=open&amp;area=central&amp;from=2026-01-31</c>).
/// Anything unreadable is ignored rather than refused: a stale bookmark still shows a list. A real
/// date outside <see cref="FilterDates"/> (<c>to=9999-12-31</c>) is left out too, and named in
/// <see cref="OutOfRange"/> so the page or endpoint can answer 400 saying which range is allowed.
/// </summary>
internal sealed record PublicRequestFilter
{
    public const int DefaultDays = 90;

    /// <summary>Service code, or null for every public service.</summary>
    public string? Service { get; init; }

    /// <summary>"open", "closed", a detailed status name ("InProgress"), or null for all.</summary>
    public string? Status { get; init; }

    /// <summary>Area code from <c>Ciudad:ServiceRequests:Areas</c>, or null for the whole city.</summary>
    public string? Area { get; init; }

    /// <summary>First and last day requested (city dates, inclusive); null From means the last <see cref="DefaultDays"/> days.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>The query names ("from", "to") whose dates were real but outside <see cref="FilterDates"/>.</summary>
    public IReadOnlyList<string> OutOfRange { get; init; } = [];

    public static PublicRequestFilter Read(string? service, string? status, string? area, string? from, string? to)
    {
        var outOfRange = new List<string>();
        DateOnly? Supported(string name, string? text)
        {
            var day = Date(text);
            if (day is { } d && !FilterDates.IsSupported(d))
            {
                outOfRange.Add(name);
                return null;
            }
            return day;
        }
        return new()
        {
            Service = Blank(service),
            Status = Blank(status),
            Area = Blank(area),
            From = Supported("from", from),
            To = Supported("to", to),
            OutOfRange = outOfRange,
        };
    }

    /// <summary>True when <see cref="Status"/> names a specific status (not open/closed).</summary>
    public RequestStatus? DetailedStatus =>
        Enum.TryParse<RequestStatus>(Status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Status, out _)
            ? parsed
            : null;

    public bool? IsOpen => Status?.ToLowerInvariant() switch
    {
        "open" => true,
        "closed" => false,
        _ => null,
    };

    /// <summary>The filters as a query string without the leading "?" (for pagination, the map and the feed link).</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        Add("service", Service);
        Add("status", Status);
        Add("area", Area);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return string.Join("&", parts);
    }

    // Query strings are untrusted text too: a NUL would fail the PostgreSQL query and U+FFFF the feed.
    private static string? Blank(string? value) =>
        Intake.PlainText.Clean(value) is { } cleaned && !string.IsNullOrWhiteSpace(cleaned) ? cleaned.Trim() : null;

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
