using Ciudad.Platform.Departments;
using Ciudad.ServiceRequests.Catalog;

namespace Ciudad.ServiceRequests.Pages.Admin.Catalog;

/// <summary>Every service, active or not, in the order residents see them.</summary>
internal sealed class IndexModel(CatalogAdministration catalog, DepartmentService departments) : AdminPageModel
{
    public IReadOnlyList<Service> Services { get; private set; } = [];
    public IReadOnlyDictionary<int, Department> Departments { get; private set; } = new Dictionary<int, Department>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Services = await catalog.ListAsync(cancellationToken);
        Departments = (await departments.ListAsync(cancellationToken)).ToDictionary(d => d.Id);
    }
}
