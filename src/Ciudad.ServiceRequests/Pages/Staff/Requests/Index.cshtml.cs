using System.Globalization;
using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Triage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Pages.Staff.Requests;

/// <summary>
/// The department queue. Filters are a GET form, so every view is a link to share or save; bulk
/// actions post back to the same URL and return to the same view.
/// </summary>
internal sealed class IndexModel(
    CiudadDbContext db,
    QueueQuery queue,
    DepartmentPeople people,
    BulkTriage bulk,
    QueueCsv csv,
    SavedViewStore views,
    CityGeography geography,
    TimeProvider clock,
    IOptions<ServiceRequestsOptions> options,
    IStringLocalizer<ServiceRequestsModule> strings) : TriagePageModel
{
    [BindProperty(SupportsGet = true)] public int? Dept { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Service { get; set; }
    [BindProperty(SupportsGet = true)] public string? Age { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sla { get; set; }
    [BindProperty(SupportsGet = true)] public string? Assignee { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    /// <summary>"map": the filtered queue's located requests on a map, with the same list as a table.</summary>
    [BindProperty(SupportsGet = true)] public string? View { get; set; }

    // The bulk form. Without JavaScript "select all on page" cannot tick the boxes, so the page's
    // numbers travel with the form and the server applies the action to all of them.
    [BindProperty] public List<string> Selected { get; set; } = [];
    [BindProperty] public bool SelectAllOnPage { get; set; }
    [BindProperty] public List<string> OnPage { get; set; } = [];
    [BindProperty] public string? BulkAssignee { get; set; }
    [BindProperty] public string? BulkStatus { get; set; }
    [BindProperty] public string? BulkNote { get; set; }
    [BindProperty] public string? ViewName { get; set; }

    public int PageNumber { get; private set; } = 1;
    public QueuePage Result { get; private set; } = new([], 0, 1, 1);
    public QueueSort SortBy { get; private set; }
    public bool Descending { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public bool HasNoDepartment { get; private set; }
    public bool CanManageTemplates { get; private set; }
    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> StatusItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ServiceItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> AgeItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SlaItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> AssigneeItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> AreaItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> BulkAssigneeItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> BulkStatusItems { get; private set; } = [];
    public IReadOnlyList<SavedView> SavedViews { get; private set; } = [];
    public Dictionary<int, string> DepartmentNames { get; private set; } = [];
    public bool IsMapView => View == "map";
    public IReadOnlyList<QueueMapPoint> MapPoints { get; private set; } = [];
    public ServiceRequestsOptions MapOptions => options.Value;

    /// <summary>The current filters and sort as a query string ("Status=open&amp;Sort=due"), without the page.</summary>
    public string FilterQuery => AdminDisplay.Query(
        ("Dept", Dept?.ToString(CultureInfo.InvariantCulture)), ("Status", Status), ("Service", Service), ("Age", Age),
        ("Sla", Sla), ("Assignee", Assignee), ("Area", Area), ("Q", Q), ("Sort", Sort), ("Dir", Dir), ("View", View)).TrimStart('&');

    /// <summary>The same filters shown as the list or as the map.</summary>
    public string ViewUrl(bool map)
    {
        var query = AdminDisplay.Query(
            ("Dept", Dept?.ToString(CultureInfo.InvariantCulture)), ("Status", Status), ("Service", Service), ("Age", Age),
            ("Sla", Sla), ("Assignee", Assignee), ("Area", Area), ("Q", Q), ("Sort", Sort), ("Dir", Dir), ("View", map ? "map" : null)).TrimStart('&');
        return TriageDisplay.QueuePath + (query.Length == 0 ? "" : "?" + query);
    }

    /// <summary>This view as a CSV download.</summary>
    public string CsvUrl => TriageDisplay.QueuePath + "?" + (FilterQuery.Length == 0 ? "" : FilterQuery + "&") + "handler=Csv";

    public string PageUrl(int page) =>
        TriageDisplay.QueuePath + "?" + (FilterQuery.Length == 0 ? "" : FilterQuery + "&") + "page=" + page.ToString(CultureInfo.InvariantCulture);

    /// <summary>For the pagination links; the query's own braces are escaped, so {0} is the only placeholder.</summary>
    public string PageUrlFormat => TriageDisplay.QueuePath + "?" + (FilterQuery.Length == 0 ? "" : FilterQuery + "&") + "page={0}";

    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        PageNumber = page;
        await LoadAsync(cancellationToken);
    }

    /// <summary><paramref name="operation"/> is the pressed button: "assign" or "status".</summary>
    public async Task<IActionResult> OnPostBulkAsync(string? operation, [FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        PageNumber = page;
        var actor = await ActorAsync(cancellationToken);
        var numbers = SelectAllOnPage ? OnPage : Selected;
        if (numbers.Count == 0)
        {
            return await RefuseAsync("", "Triage.Bulk.NoneSelected", cancellationToken);
        }
        BulkResult result;
        if (operation == "assign")
        {
            if (string.IsNullOrEmpty(BulkAssignee))
            {
                return await RefuseAsync(nameof(BulkAssignee), "Triage.Bulk.Assignee.Required", cancellationToken);
            }
            var assignee = BulkAssignee switch
            {
                QueueTokens.Unassigned => null,
                QueueTokens.Me => actor.UserId,
                var id => id,
            };
            result = await bulk.AssignAsync(numbers, actor, assignee, cancellationToken);
        }
        else if (operation == "status")
        {
            if (!Enum.TryParse<RequestStatus>(BulkStatus, out var status) || !Enum.IsDefined(status))
            {
                return await RefuseAsync(nameof(BulkStatus), "Triage.Bulk.Status.Required", cancellationToken);
            }
            result = await bulk.SetStatusAsync(numbers, actor, status, BulkNote, cancellationToken);
        }
        else
        {
            return await RefuseAsync("", "Triage.Bulk.NoOperation", cancellationToken);
        }
        if (result.Refused is { } refused)
        {
            ModelState.AddOutcomeErrors(refused, strings);
            await LoadAsync(cancellationToken);
            return Invalid();
        }
        var message = strings[operation == "assign" ? "Triage.Bulk.Assigned" : "Triage.Bulk.StatusChanged", result.Changed].Value;
        if (result.Skipped.Count > 0)
        {
            message += " " + strings["Triage.Bulk.Skipped", string.Join(", ", result.Skipped.Select(TriageDisplay.Number))];
        }
        Confirmation = message;
        return LocalRedirect(PageUrl(PageNumber));
    }

    public async Task<IActionResult> OnPostSaveViewAsync(CancellationToken cancellationToken)
    {
        var actor = await ActorAsync(cancellationToken);
        var result = await views.SaveAsync(actor.UserId, ViewName, FilterQuery, cancellationToken);
        if (result.Status != OutcomeStatus.Done)
        {
            ModelState.AddOutcomeErrors(result, strings);
            await LoadAsync(cancellationToken);
            return Invalid();
        }
        Confirmation = strings["Triage.Views.Saved", ViewName!.Trim()];
        return LocalRedirect(PageUrl(1));
    }

    public async Task<IActionResult> OnPostDeleteViewAsync(int id, CancellationToken cancellationToken)
    {
        var actor = await ActorAsync(cancellationToken);
        var name = await views.DeleteAsync(actor.UserId, id, cancellationToken);
        if (name is null)
        {
            return NotFound();
        }
        Confirmation = strings["Triage.Views.Deleted", name];
        return LocalRedirect(PageUrl(1));
    }

    private async Task<IActionResult> RefuseAsync(string field, string key, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(field, strings[key]);
        await LoadAsync(cancellationToken);
        return Invalid();
    }

    /// <summary>
    /// The current view as CSV (<c>?handler=Csv</c> with the same filters): streamed, scoped to the
    /// person's departments like the page, at most <see cref="QueueCsv.MaxRows"/> rows.
    /// </summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var actor = await ActorAsync(cancellationToken);
        var culture = StringCatalogCulture.Current;
        var scope = await ScopeAsync(actor, culture, cancellationToken);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"requests-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv\"";
        await csv.WriteAsync(Response.Body, Filter(actor, scope, culture), actor.UserId,
            id => DepartmentNames.GetValueOrDefault(id) ?? "", key => strings[key], cancellationToken);
        return new EmptyResult();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var actor = await ActorAsync(cancellationToken);
        var culture = StringCatalogCulture.Current;
        Now = clock.GetUtcNow();
        var scope = await ScopeAsync(actor, culture, cancellationToken);
        HasNoDepartment = scope is { Count: 0 };
        CanManageTemplates = actor.IsAdministrator || actor.ManagedDepartmentIds.Count > 0;
        var members = scope is null ? [] : await people.MembersAsync(scope, cancellationToken);
        await BuildChoicesAsync(scope, members, culture, cancellationToken);
        SavedViews = await views.ListAsync(actor.UserId, cancellationToken);
        var filter = Filter(actor, scope, culture);
        Result = HasNoDepartment ? new QueuePage([], 0, 1, 1) : await queue.SearchAsync(filter, actor.UserId, cancellationToken);
        PageNumber = Result.Page;
        if (IsMapView && !HasNoDepartment)
        {
            MapPoints = await queue.MapPointsAsync(filter, actor.UserId, cancellationToken);
        }
    }

    /// <summary>The departments in view: the one chosen, or all of the person's (null: every department, for administrators).</summary>
    private async Task<IReadOnlyCollection<int>?> ScopeAsync(StaffActor actor, string culture, CancellationToken cancellationToken)
    {
        var all = await db.Departments.AsNoTracking().ToListAsync(cancellationToken);
        DepartmentNames = all.ToDictionary(d => d.Id, d => d.Name[culture]);
        Departments = [.. all.Where(d => actor.IsAdministrator ? d.IsActive : actor.DepartmentIds.Contains(d.Id))
            .OrderBy(d => d.Name[culture], StringComparer.CurrentCultureIgnoreCase)];
        if (Dept is { } chosen && !Departments.Any(d => d.Id == chosen))
        {
            Dept = null;
        }
        return Dept is { } one ? [one] : actor.IsAdministrator ? null : actor.DepartmentIds;
    }

    private QueueFilter Filter(StaffActor actor, IReadOnlyCollection<int>? scope, string culture)
    {
        var (isOpen, status) = QueueTokens.ParseStatus(Status);
        SortBy = QueueTokens.Parse(QueueTokens.Sorts, Sort) ?? QueueSort.Age;
        Descending = Dir is null ? SortBy is QueueSort.Age or QueueSort.Priority : Dir == "desc";
        return new QueueFilter
        {
            DepartmentIds = scope,
            IsOpen = isOpen,
            Status = status,
            ServiceCode = string.IsNullOrWhiteSpace(Service) ? null : Service,
            Age = QueueTokens.Parse(QueueTokens.Ages, Age),
            Sla = QueueTokens.Parse(QueueTokens.SlaStates, Sla),
            Unassigned = Assignee == QueueTokens.Unassigned,
            AssigneeUserId = Assignee == QueueTokens.Me ? actor.UserId : string.IsNullOrWhiteSpace(Assignee) ? null : Assignee,
            AreaCode = string.IsNullOrWhiteSpace(Area) ? null : Area,
            Search = Q,
            Sort = SortBy,
            Descending = Descending,
            Page = PageNumber,
            Culture = culture,
        };
    }

    private async Task BuildChoicesAsync(IReadOnlyCollection<int>? scope, IReadOnlyList<StaffPerson> members, string culture, CancellationToken cancellationToken)
    {
        DepartmentItems = [.. Departments.Select(d => new SelectListItem(d.Name[culture], d.Id.ToString(CultureInfo.InvariantCulture)))];
        StatusItems =
        [
            new(strings["Triage.Filter.Status.Open"], QueueTokens.Open),
            new(strings["Triage.Filter.Status.Closed"], QueueTokens.Closed),
            new(strings["Triage.Filter.Status.All"], QueueTokens.AnyStatus),
            .. RequestStatuses.All.Select(s => new SelectListItem(strings[s.LabelKey()], s.ToString())),
        ];
        var serviceQuery = db.Services().AsNoTracking();
        if (scope is not null)
        {
            serviceQuery = serviceQuery.Where(s => scope.Contains(s.DepartmentId));
        }
        var services = await serviceQuery.Select(s => new { s.Code, s.Name }).ToListAsync(cancellationToken);
        ServiceItems = [.. services.Select(s => new SelectListItem(s.Name[culture], s.Code))
            .OrderBy(i => i.Text, StringComparer.CurrentCultureIgnoreCase)];
        AgeItems = [.. QueueTokens.Ages.Select(a => new SelectListItem(strings[$"Triage.Filter.Age.{a.Value}"], a.Key))];
        SlaItems = [.. QueueTokens.SlaStates.Select(s => new SelectListItem(strings[TriageDisplay.SlaKey(s.Value)], s.Key))];
        var people = members.Select(m => new SelectListItem(m.Name, m.UserId)).ToList();
        AssigneeItems = [new(strings["Triage.Filter.Assignee.Me"], QueueTokens.Me), new(strings["Triage.Filter.Assignee.Unassigned"], QueueTokens.Unassigned), .. people];
        BulkAssigneeItems = [new(strings["Triage.Bulk.Assignee.Me"], QueueTokens.Me), new(strings["Triage.Bulk.Assignee.Nobody"], QueueTokens.Unassigned), .. people];
        AreaItems = [.. geography.Areas.Select(a => new SelectListItem(a.Name(culture), a.Code))];
        BulkStatusItems = [.. RequestStatuses.All.Where(s => s != RequestStatus.Duplicate).Select(s => new SelectListItem(strings[s.LabelKey()], s.ToString()))];
    }

    /// <summary>The link a column header points to: the same view sorted by that column, flipping direction when it already is.</summary>
    public string SortUrl(QueueSort column)
    {
        var descending = column == SortBy ? !Descending : column is QueueSort.Age or QueueSort.Priority;
        var query = AdminDisplay.Query(
            ("Dept", Dept?.ToString(CultureInfo.InvariantCulture)), ("Status", Status), ("Service", Service), ("Age", Age),
            ("Sla", Sla), ("Assignee", Assignee), ("Area", Area), ("Q", Q),
            ("Sort", column.Token()), ("Dir", descending ? "desc" : "asc")).TrimStart('&');
        return TriageDisplay.QueuePath + "?" + query;
    }

    public string? AriaSort(QueueSort column) => column != SortBy ? null : Descending ? "descending" : "ascending";
}
