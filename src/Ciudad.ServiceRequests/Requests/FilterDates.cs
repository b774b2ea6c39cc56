using System.Globalization;

namespace Ciudad.ServiceRequests.Requests;

/// <summary>
/// The days a date filter may name (public list, map, feed, Open311, staff dashboard). Outside
/// them the arithmetic a filter needs (the next day, a week before, the city's UTC offset) would
/// leave the calendar (<c>9999-12-31</c> + 1 day), so such a date is refused as the caller's
/// mistake instead of failing as a 500. The range is far wider than any real request's date.
/// </summary>
internal static class FilterDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(9998, 12, 31);

    public static bool IsSupported(DateOnly day) => day >= Earliest && day <= Latest;

    /// <summary>True for an instant whose day (in UTC, a day either way for any city) is supported.</summary>
    public static bool IsSupported(DateTimeOffset instant) => IsSupported(DateOnly.FromDateTime(instant.UtcDateTime));

    /// <summary>The range as people type dates ("1900-01-01", "9998-12-31"), for messages.</summary>
    public static string EarliestText => Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string LatestText => Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
