using Ciudad.Platform.Outcomes;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.UI;

public static class OutcomeModelState
{
    /// <summary>
    /// Puts each reason a command was refused next to its field, in the page's language, so the
    /// error summary links to it (a command names fields as the page binds them, e.g. "Update.Status").
    /// </summary>
    public static void AddOutcomeErrors(this ModelStateDictionary modelState, Outcome outcome, IStringLocalizer strings)
    {
        foreach (var error in outcome.Errors)
        {
            modelState.AddModelError(error.Field, strings[error.Key, error.Arguments]);
        }
    }
}
