using Ciudad.Platform.Data;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests.Triage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Staff.Requests.Templates;

internal sealed class CreateModel(CiudadDbContext db, ResponseTemplates templates, IStringLocalizer<ServiceRequestsModule> strings)
    : TemplatePageModel(db, strings)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (Choices.Departments.Count == 0)
        {
            return Forbid();
        }
        if (Choices.Departments.Count == 1)
        {
            Input.DepartmentId = int.Parse(Choices.Departments[0].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = await ActorAsync(cancellationToken);
        if (!actor.IsAdministrator && actor.ManagedDepartmentIds.Count == 0)
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return await InvalidFormAsync(null, cancellationToken);
        }
        var result = await templates.CreateAsync(Input.ToInput(), actor, cancellationToken);
        if (result.Status != OutcomeStatus.Done)
        {
            return await InvalidFormAsync(result, cancellationToken);
        }
        Confirmation = Strings["Triage.Templates.Created", StringCatalogCulture.Current == "es" ? Input.TitleEs! : Input.TitleEn!];
        return LocalRedirect("/Staff/Requests/Templates");
    }
}
