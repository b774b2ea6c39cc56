using Ciudad.Platform.Data;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Triage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Pages.Staff.Requests.Templates;

/// <summary>Response templates of the departments the person manages (administrators: all).</summary>
internal sealed class IndexModel(CiudadDbContext db, ResponseTemplates templates) : TriagePageModel
{
    public IReadOnlyList<ResponseTemplate> Templates { get; private set; } = [];
    public Dictionary<int, string> DepartmentNames { get; private set; } = [];
    public Dictionary<int, string> ServiceNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await ActorAsync(cancellationToken);
        if (!actor.IsAdministrator && actor.ManagedDepartmentIds.Count == 0)
        {
            return Forbid();
        }
        var culture = StringCatalogCulture.Current;
        Templates = await templates.ManagedAsync(actor, cancellationToken);
        DepartmentNames = (await db.Departments.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Name[culture]);
        var serviceIds = Templates.Select(t => t.ServiceId).OfType<int>().Distinct().ToList();
        ServiceNames = (await db.Services().AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToListAsync(cancellationToken))
            .ToDictionary(s => s.Id, s => s.Name[culture]);
        return Page();
    }
}
