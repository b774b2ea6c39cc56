using Ciudad.Platform.Data;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests.Triage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Staff.Requests.Templates;

/// <summary>Edits or deletes a template; one outside the person's managed departments is "not found".</summary>
internal sealed class EditModel(CiudadDbContext db, ResponseTemplates templates, IStringLocalizer<ServiceRequestsModule> strings)
    : TemplatePageModel(db, strings)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var template = await templates.FindManagedAsync(Id, await ActorAsync(cancellationToken), cancellationToken);
        if (template is null)
        {
            return NotFound();
        }
        Input = TemplateForm.From(template);
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = await ActorAsync(cancellationToken);
        var template = await templates.FindManagedAsync(Id, actor, cancellationToken);
        if (template is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return await InvalidFormAsync(null, cancellationToken);
        }
        var result = await templates.UpdateAsync(template, Input.ToInput(), actor, cancellationToken);
        if (result.Status != OutcomeStatus.Done)
        {
            return await InvalidFormAsync(result, cancellationToken);
        }
        Confirmation = Strings["Triage.Templates.Updated", template.Title[StringCatalogCulture.Current]];
        return LocalRedirect("/Staff/Requests/Templates");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        var template = await templates.FindManagedAsync(Id, await ActorAsync(cancellationToken), cancellationToken);
        if (template is null)
        {
            return NotFound();
        }
        await templates.DeleteAsync(template, cancellationToken);
        Confirmation = Strings["Triage.Templates.Deleted", template.Title[StringCatalogCulture.Current]];
        return LocalRedirect("/Staff/Requests/Templates");
    }
}
