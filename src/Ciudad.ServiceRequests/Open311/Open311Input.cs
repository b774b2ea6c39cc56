using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// A call's arguments from the query string and (for POST) the form, read the way real clients
/// send them: an empty value is the same as an absent one (<c>jurisdiction_id=</c> is common),
/// and malformed values are 400s with a description a developer can act on.
/// </summary>
internal sealed partial class Open311Input(IQueryCollection query, IFormCollection? form = null)
{
    public IFormCollection? Form => form;

    /// <summary>The first non-empty value, form before query; control characters removed.</summary>
    public string? Text(string name)
    {
        foreach (var source in new[] { form?[name] ?? StringValues.Empty, query[name] })
        {
            foreach (var value in source)
            {
                var cleaned = Clean(value);
                if (!string.IsNullOrWhiteSpace(cleaned))
                {
                    return cleaned.Trim();
                }
            }
        }
        return null;
    }

    /// <summary>A comma-separated list (<c>service_code=pothole,graffiti</c>); null when absent.</summary>
    public IReadOnlyList<string>? List(string name, int max)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }
        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (items.Count > max)
        {
            throw Open311Problem.BadRequest($"{name} lists {items.Count} values; at most {max} are allowed.");
        }
        return items.Count == 0 ? null : items;
    }

    public double? Number(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            throw Open311Problem.BadRequest($"{name} must be a decimal number, like 31.7587.");
        }
        return number;
    }

    /// <summary>A whole number of at least <paramref name="min"/>; above <paramref name="max"/> it is lowered to it when <paramref name="clamp"/>, else refused.</summary>
    public int? Integer(string name, int min, int max, bool clamp = false)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || (number > max && !clamp))
        {
            throw Open311Problem.BadRequest($"{name} must be a whole number from {min} to {max}.");
        }
        return Math.Min(number, max);
    }

    /// <summary>
    /// An ISO 8601 date-time. Without an offset (<c>2026-01-05</c>, <c>2026-01-05T08:00:00</c>) it
    /// is read as city time, which is what a person filtering by date means. Returned in UTC.
    /// </summary>
    public DateTimeOffset? DateTime(string name, TimeZoneInfo cityZone)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }
        text = PlusSentAsSpace().Replace(text, "${time}+${offset}");
        const DateTimeStyles styles = DateTimeStyles.RoundtripKind | DateTimeStyles.AllowWhiteSpaces;
        DateTimeOffset? instant = null;
        var outsideCalendar = false;
        try
        {
            if (text.Length <= 40 && char.IsAsciiDigit(text[0])
                && System.DateTime.TryParse(text, CultureInfo.InvariantCulture, styles, out var parsed))
            {
                instant = parsed.Kind == DateTimeKind.Unspecified
                    ? new DateTimeOffset(parsed, cityZone.GetUtcOffset(parsed)).ToUniversalTime()
                    : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces).ToUniversalTime();
            }
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or FormatException)
        {
            // Year 1 or 9999 at the edge of the calendar once the offset is applied: still the client's mistake.
            outsideCalendar = e is ArgumentOutOfRangeException;
        }
        if (instant is null && !outsideCalendar)
        {
            throw Open311Problem.BadRequest($"{name} must be an ISO 8601 date-time, like 2026-01-05T08:15:30-07:00.");
        }
        // The readers step a week back from an end date; at the calendar's edges that would be a 500.
        if (instant is not { } supported || !Requests.FilterDates.IsSupported(supported))
        {
            throw Open311Problem.BadRequest($"{name} must be a date-time from {Requests.FilterDates.EarliestText} to {Requests.FilterDates.LatestText}.");
        }
        return instant;
    }

    /// <summary>Every non-empty value of a repeatable argument (<c>media_url=a&amp;media_url=b</c>), form before query.</summary>
    public IReadOnlyList<string> All(string name) =>
        [.. (form?[name] ?? StringValues.Empty).Concat(query[name]).Select(Clean).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())];

    public bool Flag(string name) =>
        Text(name) is { } text && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1");

    /// <summary>See <see cref="Intake.PlainText.Clean"/>; never null.</summary>
    public static string Clean(string? value) => Intake.PlainText.Clean(value) ?? "";

    /// <summary>
    /// <c>…T08:00:00 01:00</c>: a client that did not escape the offset's <c>+</c> (it decodes to a
    /// space in a query string). Nothing else can be meant, so it is read as <c>+01:00</c>.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<time>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?) (?<offset>\d{2}(:?\d{2})?)$")]
    private static partial System.Text.RegularExpressions.Regex PlusSentAsSpace();
}
