namespace Ciudad.Web.UI.TagHelpers;

/// <summary>A date typed as day, month and year (USWDS "memorable date"), bound by model binding.</summary>
public sealed class MemorableDate
{
    public int? Month { get; set; }
    public int? Day { get; set; }
    public int? Year { get; set; }

    public bool IsEmpty => Month is null && Day is null && Year is null;

    public DateOnly? ToDateOnly() =>
        Month is >= 1 and <= 12 && Year is >= 1900 and <= 2200 && Day >= 1 && Day <= DateTime.DaysInMonth(Year.Value, Month.Value)
            ? new DateOnly(Year.Value, Month.Value, Day!.Value)
            : null;

    public static MemorableDate From(DateOnly date) => new() { Month = date.Month, Day = date.Day, Year = date.Year };
}
