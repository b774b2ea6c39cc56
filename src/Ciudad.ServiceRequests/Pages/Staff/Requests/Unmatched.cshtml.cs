using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Addresses;
using Ciudad.ServiceRequests.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Pages.Staff.Requests;

/// <summary>
/// Open requests given only an address that the address locator could not place: they are
/// missing from every map until someone finds where they are. Limited to the departments the
/// person works in (administrators: all).
/// </summary>
internal sealed class UnmatchedModel(CiudadDbContext db) : TriagePageModel
{
    public const int MaxShown = 200;

    public sealed record Row(string Number, string ServiceName, string? Address, string? Zipcode, DateTimeOffset RequestedAt);

    public IReadOnlyList<Row> Requests { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await ActorAsync(cancellationToken);
        var departments = actor.DepartmentIds.ToList();
        var query = db.Requests().AsNoTracking().Where(r => r.AddressMatch == AddressMatch.Unmatched && r.IsOpen);
        if (!actor.IsAdministrator)
        {
            query = query.Where(r => departments.Contains(r.DepartmentId));
        }
        var culture = StringCatalogCulture.Current;
        var rows = await query.OrderBy(r => r.RequestedAt).Take(MaxShown)
            .Select(r => new { r.Number, r.Service!.Name, r.Address, r.Zipcode, r.RequestedAt })
            .ToListAsync(cancellationToken);
        Requests = [.. rows.Select(r => new Row(r.Number, r.Name[culture], r.Address, r.Zipcode, r.RequestedAt))];
        return Page();
    }
}
