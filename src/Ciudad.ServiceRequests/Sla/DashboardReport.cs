namespace Ciudad.ServiceRequests.Sla;

/// <summary>Age of an open request, as the dashboard groups the backlog.</summary>
internal enum AgeBucket
{
    UnderOneDay = 0,
    OneToThreeDays = 1,
    ThreeToSevenDays = 2,
    SevenToThirtyDays = 3,
    OverThirtyDays = 4,
}

/// <summary>What the SLA dashboard shows for a period, by department, by service and in total.</summary>
/// <param name="Start">First instant of the period (midnight of its first day, city time).</param>
/// <param name="End">First instant after the period.</param>
/// <param name="AsOf">When the backlog is measured: the end of the period, or now if that is earlier.</param>
internal sealed record DashboardReport(
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset AsOf,
    IReadOnlyList<DashboardRow> ByDepartment,
    IReadOnlyList<DashboardRow> ByService,
    DashboardRow Total);

/// <summary>One department, one service, or the total.</summary>
/// <param name="Backlog">Requests open at <see cref="DashboardReport.AsOf"/>, indexed by <see cref="AgeBucket"/>.</param>
/// <param name="Closed">Requests closed in the period (merged duplicates left out).</param>
/// <param name="ClosedWithTarget">Those of them that had a due time.</param>
/// <param name="ClosedOnTime">Those closed by their due time.</param>
/// <param name="MedianToClose">Median of received-to-closed over <paramref name="Closed"/>; null when none closed.</param>
internal sealed record DashboardRow(
    int Id,
    Platform.Localization.LocalizedText Names,
    IReadOnlyList<int> Backlog,
    int Closed,
    int ClosedWithTarget,
    int ClosedOnTime,
    TimeSpan? MedianToClose)
{
    public int BacklogTotal => Backlog.Sum();

    /// <summary>Share of closed requests with a target that met it, 0–100; null when there were none.</summary>
    public double? OnTimePercent => ClosedWithTarget == 0 ? null : 100.0 * ClosedOnTime / ClosedWithTarget;

    public string Name(string culture) => Names[culture];
}
