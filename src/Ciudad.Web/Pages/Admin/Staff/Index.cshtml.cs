using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.Pages.Admin.Staff;

/// <summary>All staff, searchable and filterable, with bulk deactivation.</summary>
public sealed class IndexModel(
    CiudadDbContext db,
    DepartmentService departments,
    StaffService staff,
    UserManager<CiudadUser> users,
    IStringLocalizer<Program> strings) : AdminPageModel
{
    // Filters travel in the query string (and in the bulk form, so a bulk action returns to the same view).
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public int? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }

    /// <summary>"page" itself is a Razor Pages route value, so the number is bound by the handlers.</summary>
    public int PageNumber { get; private set; } = 1;

    [BindProperty] public List<string> Selected { get; set; } = [];

    public IReadOnlyList<StaffRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int TotalPages => AdminDisplay.TotalPages(Total);
    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RoleItems { get; private set; } = [];
    public string CurrentUserId => users.GetUserId(User) ?? "";

    public string FilterQuery => AdminDisplay.Query(
        ("Email", Email),
        ("Department", Department?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Role", Role));

    public Task OnGetAsync([FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        PageNumber = page;
        return LoadAsync(cancellationToken);
    }

    /// <summary>The bulk form's buttons post <paramref name="operation"/>: "deactivate" or "reactivate".</summary>
    public async Task<IActionResult> OnPostBulkAsync(string? operation, [FromForm(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        PageNumber = page;
        if (operation is not ("deactivate" or "reactivate"))
        {
            ModelState.AddModelError("", strings["Admin.Staff.Bulk.NoOperation"]);
            await LoadAsync(cancellationToken);
            return Invalid();
        }
        return await BulkAsync(operation == "deactivate", cancellationToken);
    }

    private async Task<IActionResult> BulkAsync(bool deactivate, CancellationToken cancellationToken)
    {
        if (Selected.Count == 0)
        {
            ModelState.AddModelError("", strings["Admin.Staff.Bulk.NoneSelected"]);
            await LoadAsync(cancellationToken);
            return Invalid();
        }
        var changed = new List<string>();
        var skipped = new List<string>();
        foreach (var id in Selected.Distinct())
        {
            var user = await users.FindByIdAsync(id);
            if (user is null || user.IsDeactivated == deactivate)
            {
                continue;
            }
            // Never lock out the person doing this, nor the city's last administrator.
            if (deactivate && (id == CurrentUserId || await staff.IsLastActiveAdministratorAsync(user, cancellationToken)))
            {
                skipped.Add(user.Email ?? id);
                continue;
            }
            await staff.SetDeactivatedAsync(user, deactivate, cancellationToken);
            changed.Add(user.Email ?? id);
        }
        var message = strings[deactivate ? "Admin.Staff.Bulk.Deactivated" : "Admin.Staff.Bulk.Reactivated", changed.Count].Value;
        if (skipped.Count > 0)
        {
            message += " " + strings["Admin.Staff.Bulk.Skipped", string.Join(", ", skipped)];
        }
        Confirmation = message;
        return LocalRedirect("/Admin/Staff?page=" + PageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) + FilterQuery);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (Role is not null && !StaffRoles.All.Contains(Role))
        {
            Role = null;
        }
        var culture = StringCatalogCulture.Current;
        var all = await departments.ListAsync(cancellationToken);
        DepartmentItems = all.OrderBy(d => d.Name[culture], StringComparer.CurrentCultureIgnoreCase)
            .Select(d => new SelectListItem(d.Name[culture], d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        RoleItems = StaffRoles.All.Select(r => new SelectListItem(strings[AdminDisplay.RoleKey(r)], r)).ToList();
        (Rows, Total, PageNumber) = await new StaffDirectory(db).SearchAsync(Email, Department, Role, PageNumber, AdminDisplay.PageSize, cancellationToken);
    }
}
