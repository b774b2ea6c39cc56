using Ciudad.Platform.Departments;

namespace Ciudad.Web.Pages.Admin.Departments;

public sealed class IndexModel(DepartmentService departments) : AdminPageModel
{
    /// <summary>"all", "active" or "inactive".</summary>
    public string Status { get; private set; } = "all";

    /// <summary>"name" (A→Z) or "-name" (Z→A).</summary>
    public string Sort { get; private set; } = "name";

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public async Task OnGetAsync(string? status, string? sort, CancellationToken cancellationToken)
    {
        Status = status is "active" or "inactive" ? status : "all";
        Sort = sort == "-name" ? "-name" : "name";
        var culture = StringCatalogCulture.Current;
        var all = await departments.ListAsync(cancellationToken);
        var filtered = all.Where(d => Status == "all" || d.IsActive == (Status == "active"));
        // Sorted here rather than in SQL: the name shown depends on the reader's language and the list is short.
        var comparer = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true);
        Departments = (Sort == "name"
            ? filtered.OrderBy(d => d.Name[culture], comparer)
            : filtered.OrderByDescending(d => d.Name[culture], comparer)).ToList();
    }
}
