using Ciudad.ServiceRequests.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Admin.Catalog;

/// <summary>Adds an answer to a list question or edits one.</summary>
internal sealed class AnswerModel(CatalogAdministration catalog, IStringLocalizer<ServiceRequestsModule> strings) : AdminPageModel
{
    [BindProperty] public AnswerForm Input { get; set; } = new();

    public Service Service { get; private set; } = default!;
    public ServiceAttribute Question { get; private set; } = default!;

    /// <summary>Null when adding an answer.</summary>
    public AttributeValue? Answer { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int questionId, int? answerId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, questionId, answerId, cancellationToken))
        {
            return NotFound();
        }
        Input = Answer is null ? new AnswerForm { Order = Question.Values.Count + 1 } : AnswerForm.From(Answer);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int questionId, int? answerId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, questionId, answerId, cancellationToken))
        {
            return NotFound();
        }
        var key = Answer?.Key ?? Input.Key?.Trim();
        if (Answer is not null)
        {
            // Requests store the key of the answer chosen, so it is fixed once created.
            ModelState.Remove("Input.Key");
            Input.Key = key;
        }
        else if (ModelState.GetFieldValidationState("Input.Key") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Valid
            && Question.Values.Any(v => v.Key == key))
        {
            ModelState.AddModelError("Input.Key", strings["Catalog.Answer.Key.Taken", key!]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var culture = StringCatalogCulture.Current;
        if (Answer is null)
        {
            var added = await catalog.AddAnswerAsync(Service, Question, Input.ToInput(key!), cancellationToken);
            Confirmation = strings["Catalog.Answer.Added", added.Name[culture]];
        }
        else
        {
            await catalog.UpdateAnswerAsync(Service, Question, Answer, Input.ToInput(key!), cancellationToken);
            Confirmation = strings["Catalog.Answer.Saved", Answer.Name[culture]];
        }
        return RedirectToPage("/Admin/Catalog/Question", null, new { id, questionId }, "answers");
    }

    private async Task<bool> LoadAsync(int id, int questionId, int? answerId, CancellationToken cancellationToken)
    {
        var service = await catalog.FindAsync(id, cancellationToken);
        var question = service?.Attributes.FirstOrDefault(a => a.Id == questionId);
        if (service is null || question is null || !question.IsList)
        {
            return false;
        }
        Service = service;
        Question = question;
        Answer = answerId is null ? null : question.Values.FirstOrDefault(v => v.Id == answerId);
        return answerId is null || Answer is not null;
    }
}
