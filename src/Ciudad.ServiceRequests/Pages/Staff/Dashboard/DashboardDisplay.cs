using Ciudad.Platform.Identity;
using Ciudad.ServiceRequests.Sla;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Staff.Dashboard;

/// <summary>How the dashboard words and draws its numbers in the reader's language.</summary>
internal static class DashboardDisplay
{
    public static readonly IReadOnlyList<(AgeBucket Bucket, string Colour)> Buckets =
    [
        (AgeBucket.UnderOneDay, SvgBarChart.Colours.Green),
        (AgeBucket.OneToThreeDays, SvgBarChart.Colours.Blue),
        (AgeBucket.ThreeToSevenDays, SvgBarChart.Colours.Gold),
        (AgeBucket.SevenToThirtyDays, SvgBarChart.Colours.Orange),
        (AgeBucket.OverThirtyDays, SvgBarChart.Colours.Violet),
    ];

    public static string BucketKey(AgeBucket bucket) => $"Dashboard.Age.{bucket}";

    public static string Percent(double? value, IStringLocalizer strings, string culture) =>
        value is { } v ? strings["Dashboard.Percent", v.ToString("0", SupportedCultures.FormattingCulture(culture))] : strings["Dashboard.NotApplicable"];

    public static string Days(TimeSpan? value, IStringLocalizer strings, string culture) =>
        value is { } v ? strings["Dashboard.Days", v.TotalDays.ToString("0.0", SupportedCultures.FormattingCulture(culture))] : strings["Dashboard.NotApplicable"];

    public static string Count(int value, string culture) => Ciudad.Platform.Localization.Formats.Number(value, culture);

    public static IReadOnlyList<ChartBar> BacklogBars(IEnumerable<DashboardRow> rows, IStringLocalizer strings, string culture) =>
        [.. rows.Select(r => new ChartBar(r.Name(culture),
            [.. Buckets.Select(b => new ChartSegment(r.Backlog[(int)b.Bucket], b.Colour,
                strings["Dashboard.Backlog.BarTitle", r.Name(culture), Count(r.Backlog[(int)b.Bucket], culture), strings[BucketKey(b.Bucket)]]))],
            Count(r.BacklogTotal, culture)))];

    public static IReadOnlyList<ChartBar> OnTimeBars(IEnumerable<DashboardRow> rows, IStringLocalizer strings, string culture) =>
        [.. rows.Select(r => new ChartBar(r.Name(culture),
            [new ChartSegment(r.OnTimePercent ?? 0, SvgBarChart.Colours.Primary,
                strings["Dashboard.OnTime.BarTitle", r.Name(culture), Percent(r.OnTimePercent, strings, culture)])],
            Percent(r.OnTimePercent, strings, culture)))];

    public static IReadOnlyList<ChartBar> MedianBars(IEnumerable<DashboardRow> rows, IStringLocalizer strings, string culture) =>
        [.. rows.Select(r => new ChartBar(r.Name(culture),
            [new ChartSegment(r.MedianToClose?.TotalDays ?? 0, SvgBarChart.Colours.Primary,
                strings["Dashboard.Median.BarTitle", r.Name(culture), Days(r.MedianToClose, strings, culture)])],
            Days(r.MedianToClose, strings, culture)))];

    public static IReadOnlyList<ChartLegendItem> Legend(IStringLocalizer strings) =>
        [.. Buckets.Select(b => new ChartLegendItem(strings[$"Dashboard.AgeShort.{b.Bucket}"], b.Colour))];
}
