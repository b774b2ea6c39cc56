using Ciudad.Platform.City;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Sla;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Tests.Sla;

/// <summary>Due times in El Paso (America/Denver), with Thanksgiving 2026 as city holidays.</summary>
public sealed class SlaCalendarTests
{
    private static readonly SlaCalendar Calendar = new(
        Options.Create(new CityOptions { TimeZone = "America/Denver" }),
        Options.Create(new ServiceRequestsOptions { Holidays = [new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 27)] }));

    /// <summary>A local wall-clock time in El Paso; November is MST (UTC−7) after 1 November.</summary>
    private static DateTimeOffset ElPaso(int year, int month, int day, int hour, int minute, int offsetHours) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(offsetHours));

    [Fact]
    public void Business_days_skip_the_weekend_and_end_at_five_in_the_afternoon()
    {
        var friday = ElPaso(2026, 11, 20, 10, 0, -7);

        var due = Calendar.ExpectedAt(friday, SlaKind.BusinessDays, 2);

        Assert.Equal(ElPaso(2026, 11, 24, 17, 0, -7), due); // Tuesday
    }

    [Fact]
    public void Business_days_skip_Thanksgiving_and_the_day_after()
    {
        var wednesday = ElPaso(2026, 11, 25, 9, 0, -7);

        Assert.Equal(ElPaso(2026, 11, 30, 17, 0, -7), Calendar.ExpectedAt(wednesday, SlaKind.BusinessDays, 1)); // Monday
        Assert.False(Calendar.IsBusinessDay(new DateOnly(2026, 11, 26)));
        Assert.False(Calendar.IsBusinessDay(new DateOnly(2026, 11, 27)));
        Assert.Equal(1, Calendar.BusinessDaysBetween(wednesday, ElPaso(2026, 11, 30, 8, 0, -7)));
    }

    [Fact]
    public void A_request_on_a_Saturday_counts_from_Monday()
    {
        var saturday = ElPaso(2026, 11, 21, 11, 0, -7);

        Assert.Equal(ElPaso(2026, 11, 23, 17, 0, -7), Calendar.ExpectedAt(saturday, SlaKind.BusinessDays, 1));
        Assert.Equal(ElPaso(2026, 11, 25, 17, 0, -7), Calendar.ExpectedAt(saturday, SlaKind.BusinessDays, 3));
    }

    [Fact]
    public void A_request_after_five_gets_the_same_due_time_as_one_that_morning()
    {
        var morning = ElPaso(2026, 11, 16, 8, 0, -7);
        var evening = ElPaso(2026, 11, 16, 18, 30, -7);

        var due = Calendar.ExpectedAt(evening, SlaKind.BusinessDays, 1);

        Assert.Equal(ElPaso(2026, 11, 17, 17, 0, -7), due);
        Assert.Equal(Calendar.ExpectedAt(morning, SlaKind.BusinessDays, 1), due);
        Assert.True(due > evening);
    }

    [Fact]
    public void Calendar_days_are_whole_24_hour_days_even_across_the_end_of_daylight_saving()
    {
        // Daylight saving ends in Denver at 2 a.m. on Sunday 1 November 2026.
        var saturdayNoonMdt = ElPaso(2026, 10, 31, 12, 0, -6);

        var due = Calendar.ExpectedAt(saturdayNoonMdt, SlaKind.CalendarDays, 2)!.Value;

        Assert.Equal(TimeSpan.FromHours(48), due - saturdayNoonMdt);
        var local = TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("America/Denver"));
        Assert.Equal(new DateTime(2026, 11, 2, 11, 0, 0), local.DateTime); // an hour earlier on the wall clock
        Assert.Equal(TimeSpan.FromHours(-7), local.Offset);
    }

    [Fact]
    public void Business_days_end_at_five_local_time_on_either_side_of_the_start_of_daylight_saving()
    {
        // Daylight saving starts on Sunday 8 March 2026: Friday is MST, Monday is MDT.
        var friday = ElPaso(2026, 3, 6, 14, 0, -7);

        var due = Calendar.ExpectedAt(friday, SlaKind.BusinessDays, 1);

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 23, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void A_service_without_a_target_has_no_due_time()
    {
        Assert.Null(Calendar.ExpectedAt(ElPaso(2026, 11, 20, 10, 0, -7), SlaKind.None, 5));
    }
}
