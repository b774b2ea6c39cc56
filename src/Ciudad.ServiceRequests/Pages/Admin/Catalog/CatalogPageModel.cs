using Ciudad.Platform.Departments;
using Ciudad.ServiceRequests.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Admin.Catalog;

/// <summary>What the add and edit pages of a service share: the form, its choices and its checks.</summary>
internal abstract class ServicePageModel(DepartmentService departments, IStringLocalizer<ServiceRequestsModule> strings) : AdminPageModel
{
    [BindProperty] public ServiceForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SlaKindItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SensitivityItems { get; private set; } = [];

    protected IStringLocalizer<ServiceRequestsModule> Strings => strings;

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var culture = StringCatalogCulture.Current;
        var all = await departments.ListAsync(cancellationToken);
        // Inactive departments stay listed only for the service that already belongs to one.
        DepartmentItems = all.Where(d => d.IsActive || d.Id == Input.DepartmentId)
            .OrderBy(d => d.Name[culture], StringComparer.CurrentCultureIgnoreCase)
            .Select(d => new SelectListItem(d.Name[culture], d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        SlaKindItems = Enum.GetValues<SlaKind>().Select(k => new SelectListItem(strings[CatalogDisplay.SlaKindKey(k)], k.ToString())).ToList();
        SensitivityItems = Enum.GetValues<Sensitivity>().Select(s => new SelectListItem(strings[CatalogDisplay.SensitivityKey(s)], s.ToString())).ToList();
    }

    /// <summary>Checks that need more than the field itself: a known department, days for a target.</summary>
    protected void CheckChoices()
    {
        if (Input.DepartmentId is { } id && DepartmentItems.All(d => d.Value != id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError("Input.DepartmentId", strings["Catalog.Service.Department.Required"]);
        }
        if (Input.SlaKind is SlaKind.CalendarDays or SlaKind.BusinessDays && Input.SlaDays is null && ModelState.GetFieldValidationState("Input.SlaDays") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Input.SlaDays", strings["Catalog.Service.SlaDays.Required"]);
        }
    }
}

internal static class CatalogDisplay
{
    public static string SlaKindKey(SlaKind kind) => $"Catalog.SlaKind.{kind}";
    public static string SensitivityKey(Sensitivity sensitivity) => $"Catalog.Sensitivity.{sensitivity}";
    public static string DatatypeKey(AttributeDatatype datatype) => $"Catalog.Datatype.{datatype}";

    /// <summary>"3 business days", "No target".</summary>
    public static string Sla(this IStringLocalizer strings, Service service) => service.SlaKind switch
    {
        SlaKind.None => strings["Catalog.Sla.None"],
        SlaKind.CalendarDays => strings["Catalog.Sla.CalendarDays", service.SlaDays],
        _ => strings["Catalog.Sla.BusinessDays", service.SlaDays],
    };
}
