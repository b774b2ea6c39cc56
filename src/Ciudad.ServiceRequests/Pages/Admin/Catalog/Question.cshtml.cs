using Ciudad.ServiceRequests.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Admin.Catalog;

/// <summary>Adds a question to a service or edits one, with the answers of a list question.</summary>
internal sealed class QuestionModel(CatalogAdministration catalog, IStringLocalizer<ServiceRequestsModule> strings) : AdminPageModel
{
    [BindProperty] public QuestionForm Input { get; set; } = new();

    public Service Service { get; private set; } = default!;

    /// <summary>Null when adding a question.</summary>
    public ServiceAttribute? Question { get; private set; }

    public IReadOnlyList<SelectListItem> DatatypeItems { get; } =
        [.. Enum.GetValues<AttributeDatatype>().Select(d => new SelectListItem(strings[CatalogDisplay.DatatypeKey(d)], d.ToString()))];

    public async Task<IActionResult> OnGetAsync(int id, int? questionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, questionId, cancellationToken))
        {
            return NotFound();
        }
        Input = Question is null
            ? new QuestionForm { Datatype = AttributeDatatype.String, Order = Service.Attributes.Count + 1 }
            : QuestionForm.From(Question);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? questionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, questionId, cancellationToken))
        {
            return NotFound();
        }
        var code = Question?.Code ?? Input.Code?.Trim();
        if (Question is not null)
        {
            // Stored answers are filed under the code, so it is fixed once created.
            ModelState.Remove("Input.Code");
            Input.Code = code;
        }
        else if (ModelState.GetFieldValidationState("Input.Code") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Valid
            && Service.Attributes.Any(a => a.Code == code))
        {
            ModelState.AddModelError("Input.Code", strings["Catalog.Question.Code.Taken", code!]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var culture = StringCatalogCulture.Current;
        if (Question is null)
        {
            var added = await catalog.AddQuestionAsync(Service, Input.ToInput(code!), cancellationToken);
            Confirmation = strings["Catalog.Question.Added", added.Description[culture]];
            // A list question needs its answers next.
            return added.IsList
                ? RedirectToPage(new { id, questionId = added.Id })
                : RedirectToPage("/Admin/Catalog/Edit", null, new { id }, "questions");
        }
        await catalog.UpdateQuestionAsync(Service, Question, Input.ToInput(code!), cancellationToken);
        Confirmation = strings["Catalog.Question.Saved", Question.Description[culture]];
        return RedirectToPage(new { id, questionId });
    }

    public async Task<IActionResult> OnPostRemoveAnswerAsync(int id, int? questionId, int answerId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, questionId, cancellationToken) || Question is null)
        {
            return NotFound();
        }
        var answer = Question.Values.FirstOrDefault(v => v.Id == answerId);
        if (answer is null)
        {
            Input = QuestionForm.From(Question);
            ModelState.Clear();
            ModelState.AddModelError("", strings["Catalog.Answer.NotFound"]);
            return Invalid();
        }
        await catalog.RemoveAnswerAsync(Service, Question, answer, cancellationToken);
        Confirmation = strings["Catalog.Answer.Removed", answer.Name[StringCatalogCulture.Current]];
        return RedirectToPage(null, null, new { id, questionId }, "answers");
    }

    private async Task<bool> LoadAsync(int id, int? questionId, CancellationToken cancellationToken)
    {
        var service = await catalog.FindAsync(id, cancellationToken);
        if (service is null)
        {
            return false;
        }
        Service = service;
        Question = questionId is null ? null : service.Attributes.FirstOrDefault(a => a.Id == questionId);
        return questionId is null || Question is not null;
    }
}
