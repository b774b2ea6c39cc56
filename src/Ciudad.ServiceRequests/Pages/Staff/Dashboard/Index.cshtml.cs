using System.Globalization;
using Ciudad.Platform.City;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Identity;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Sla;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Staff.Dashboard;

/// <summary>
/// Backlog by age, on-time share and median time to close, by department and by service, for a
/// period and the departments the person works in (administrators: all). A GET form, so a view
/// can be bookmarked and shared.
/// </summary>
internal sealed class IndexModel(DashboardQueries queries, DepartmentService departments, CityTime cityTime, IStringLocalizer<ServiceRequestsModule> strings)
    : AdminPageModel
{
    public const int DefaultDays = 30;

    /// <summary>First day (yyyy-MM-dd, city time); the last 30 days when empty.</summary>
    [BindProperty(SupportsGet = true)] public string? From { get; set; }

    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    /// <summary>One department, or all the person may see when empty.</summary>
    [BindProperty(SupportsGet = true)] public int? Department { get; set; }

    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public bool HasDepartments { get; private set; } = true;
    public DashboardReport? Report { get; private set; }
    public DateOnly FromDay { get; private set; }
    public DateOnly ToDay { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var culture = StringCatalogCulture.Current;
        var administrator = User.IsAdministrator();
        var mine = User.DepartmentIds();
        var visible = (await departments.ListAsync(cancellationToken))
            .Where(d => administrator || mine.Contains(d.Id))
            .OrderBy(d => d.Name[culture], StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        DepartmentItems = [.. visible.Select(d => new SelectListItem(d.Name[culture], d.Id.ToString(CultureInfo.InvariantCulture)))];
        if (!administrator && visible.Count == 0)
        {
            HasDepartments = false;
            return Page();
        }
        // Another department's numbers are not this person's business; answer as if it did not exist.
        if (Department is { } chosen && visible.All(d => d.Id != chosen))
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(cityTime.Now.DateTime);
        ToDay = ParseDay(To, nameof(To)) ?? today;
        FromDay = ParseDay(From, nameof(From)) ?? ToDay.AddDays(1 - DefaultDays);
        if (ModelState.IsValid && FromDay > ToDay)
        {
            ModelState.AddModelError(nameof(From), strings["Dashboard.From.AfterTo"]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        From = FromDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To = ToDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        IReadOnlyCollection<int>? scope = Department is { } one ? [one] : administrator ? null : [.. visible.Select(d => d.Id)];
        Report = await queries.RunAsync(FromDay, ToDay, scope, cancellationToken);
        return Page();
    }

    /// <summary>A day of the form, or null with a model error when it is not a date or one no period can use.</summary>
    private DateOnly? ParseDay(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            ModelState.AddModelError(field, strings[$"Dashboard.{field}.Invalid"]);
            return null;
        }
        if (!FilterDates.IsSupported(day))
        {
            // 9999-12-31 has no next day and 0001-01-01 no 30 days before it: refused, not a 500.
            ModelState.AddModelError(field, strings[$"Dashboard.{field}.OutOfRange", FilterDates.EarliestText, FilterDates.LatestText]);
            return null;
        }
        return day;
    }
}
