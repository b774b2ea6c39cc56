using Ciudad.ServiceRequests.Sla;

namespace Ciudad.ServiceRequests.Pages.Staff.Dashboard;

/// <summary>One section of the dashboard: the three measures for departments, or for services.</summary>
/// <param name="Id">Prefix of the element ids in the section ("department", "service").</param>
/// <param name="Phrase">The grouping inside a sentence ("by department"), for captions.</param>
internal sealed record Breakdown(string Id, string Heading, string Phrase, string NameColumn, IReadOnlyList<DashboardRow> Rows, string AsOf);
