using Ciudad.Platform.Data;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests.Triage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Staff.Requests.Templates;

/// <summary>Create and Edit share the form, its choices and the way a refusal is shown.</summary>
internal abstract class TemplatePageModel(CiudadDbContext db, IStringLocalizer<ServiceRequestsModule> strings) : TriagePageModel
{
    [BindProperty] public TemplateForm Input { get; set; } = new();

    public TemplateChoices Choices { get; private set; } = new([], [], []);

    protected IStringLocalizer<ServiceRequestsModule> Strings => strings;

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        Choices = await TemplateChoices.LoadAsync(db, await ActorAsync(cancellationToken), strings, cancellationToken);

    protected async Task<IActionResult> InvalidFormAsync(Outcome? result, CancellationToken cancellationToken)
    {
        if (result is not null)
        {
            ModelState.AddOutcomeErrors(result, strings);
        }
        await LoadChoicesAsync(cancellationToken);
        return Invalid();
    }
}
