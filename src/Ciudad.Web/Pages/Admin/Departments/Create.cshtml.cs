using Ciudad.Platform.Departments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.Pages.Admin.Departments;

public sealed class CreateModel(DepartmentService departments, IStringLocalizer<Program> strings) : AdminPageModel
{
    [BindProperty] public DepartmentForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await departments.SlugTakenAsync(Input.Slug!.Trim(), null, cancellationToken))
        {
            ModelState.AddModelError("Input.Slug", strings["Admin.Departments.Slug.Taken"]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var department = await departments.CreateAsync(Input.ToInput(), cancellationToken);
        Confirmation = strings["Admin.Departments.Created", department.Name[StringCatalogCulture.Current]];
        return RedirectToPage("/Admin/Departments/Edit", new { id = department.Id });
    }
}
