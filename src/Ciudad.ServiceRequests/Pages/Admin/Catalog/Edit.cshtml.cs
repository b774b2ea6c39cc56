using Ciudad.Platform.Departments;
using Ciudad.ServiceRequests.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Admin.Catalog;

/// <summary>A service's details and its questions (order, removal; editing is on the question page).</summary>
internal sealed class EditModel(CatalogAdministration catalog, DepartmentService departments, IStringLocalizer<ServiceRequestsModule> strings)
    : ServicePageModel(departments, strings)
{
    public Service Service { get; private set; } = default!;

    public IReadOnlyList<ServiceAttribute> Questions => [.. Service.Attributes.OrderBy(a => a.Order)];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Input = ServiceForm.From(Service);
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        // The code is fixed once created: requests and Open311 clients use it.
        ModelState.Remove("Input.Code");
        Input.Code = Service.Code;
        await LoadChoicesAsync(cancellationToken);
        CheckChoices();
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        await catalog.UpdateAsync(Service, Input.ToInput(Service.Code), cancellationToken);
        Confirmation = Strings["Catalog.Saved", Service.Name[StringCatalogCulture.Current]];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int questionId, int offset, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var question = Service.Attributes.FirstOrDefault(a => a.Id == questionId);
        if (question is null)
        {
            return await QuestionProblemAsync(cancellationToken);
        }
        await catalog.MoveQuestionAsync(Service, question, offset, cancellationToken);
        Confirmation = Strings["Catalog.Question.Moved", question.Description[StringCatalogCulture.Current]];
        return RedirectToPage(null, null, new { id }, "questions");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int questionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var question = Service.Attributes.FirstOrDefault(a => a.Id == questionId);
        if (question is null)
        {
            return await QuestionProblemAsync(cancellationToken);
        }
        await catalog.RemoveQuestionAsync(Service, question, cancellationToken);
        Confirmation = Strings["Catalog.Question.Removed", question.Description[StringCatalogCulture.Current]];
        return RedirectToPage(null, null, new { id }, "questions");
    }

    private async Task<PageResult> QuestionProblemAsync(CancellationToken cancellationToken)
    {
        Input = ServiceForm.From(Service);
        await LoadChoicesAsync(cancellationToken);
        ModelState.Clear();
        ModelState.AddModelError("", Strings["Catalog.Question.NotFound"]);
        return Invalid();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var service = await catalog.FindAsync(id, cancellationToken);
        if (service is null)
        {
            return false;
        }
        Service = service;
        return true;
    }
}
