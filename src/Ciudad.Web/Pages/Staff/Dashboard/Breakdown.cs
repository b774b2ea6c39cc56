using Ciudad.ServiceRequests.Sla;

namespace Ciudad.Web.Pages.Staff.Dashboard;

/// <summary>One section of the dashboard: the three measures for departments, or for services.</summary>
/// <param name="Id">Prefix of the element ids in the section ("department", "service").</param>
public sealed record Breakdown(string Id, string Heading, string NameColumn, IReadOnlyList<DashboardRow> Rows, string AsOf);
