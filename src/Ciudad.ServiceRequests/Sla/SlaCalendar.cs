using Ciudad.Platform.City;
using Ciudad.ServiceRequests.Catalog;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Sla;

/// <summary>
/// Computes when a request is due (Open311 <c>expected_datetime</c>).
/// Calendar days: exactly N × 24 hours after the request.
/// Business days: the end of the city's working day (5 p.m. local) on the Nth working day after
/// the day of the request, skipping weekends and configured holidays; that is how the city
/// words its promises ("within 3 business days").
/// </summary>
internal sealed class SlaCalendar(IOptions<CityOptions> city, IOptions<ServiceRequestsOptions> options)
{
    public static readonly TimeOnly EndOfWorkingDay = new(17, 0);

    private readonly HashSet<DateOnly> _holidays = options.Value.Holidays.ToHashSet();
    private readonly TimeZoneInfo _zone = city.Value.TimeZoneInfo;

    public DateTimeOffset? ExpectedAt(DateTimeOffset requestedAt, SlaKind kind, int days) => kind switch
    {
        SlaKind.None => null,
        SlaKind.CalendarDays => requestedAt.AddDays(days),
        SlaKind.BusinessDays => AddBusinessDays(requestedAt, days),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public bool IsBusinessDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>Working days strictly after the day of <paramref name="from"/> up to and including the day of <paramref name="to"/>.</summary>
    public int BusinessDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var day = LocalDay(from);
        var end = LocalDay(to);
        var count = 0;
        while (day < end)
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day))
            {
                count++;
            }
        }
        return count;
    }

    private DateTimeOffset AddBusinessDays(DateTimeOffset requestedAt, int days)
    {
        var day = LocalDay(requestedAt);
        var counted = 0;
        while (counted < Math.Max(days, 0))
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day))
            {
                counted++;
            }
        }
        if (days <= 0)
        {
            // "Same business day": today if it is one, else the next one.
            while (!IsBusinessDay(day))
            {
                day = day.AddDays(1);
            }
        }
        var local = day.ToDateTime(EndOfWorkingDay, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);
}
