using Ciudad.Platform.Departments;
using Ciudad.ServiceRequests.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Admin.Catalog;

internal sealed class CreateModel(CatalogAdministration catalog, DepartmentService departments, IStringLocalizer<ServiceRequestsModule> strings)
    : ServicePageModel(departments, strings)
{
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new ServiceForm { SlaKind = SlaKind.BusinessDays, Sensitivity = Sensitivity.Public, IsActive = true };
        await LoadChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        CheckChoices();
        var code = Input.Code?.Trim();
        if (ModelState.IsValid && await catalog.CodeTakenAsync(code!, cancellationToken))
        {
            ModelState.AddModelError("Input.Code", Strings["Catalog.Service.Code.Taken", code!]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var service = await catalog.CreateAsync(Input.ToInput(code!), cancellationToken);
        Confirmation = Strings["Catalog.Created", service.Name[StringCatalogCulture.Current]];
        return RedirectToPage("/Admin/Catalog/Edit", new { id = service.Id });
    }
}
