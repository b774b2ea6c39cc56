using Ciudad.Platform.Outcomes;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.UI;

public static class OutcomeModelState
{
    /// <summary>
    /// Puts each reason a command was refused next to its field, in the page's language, so the
    /// error summary links to it. <paramref name="fieldPrefix"/> maps a command's field names onto
    /// the page's inputs when the page binds them under a prefix.
    /// </summary>
    public static void AddOutcomeErrors(this ModelStateDictionary modelState, Outcome outcome, IStringLocalizer strings, string fieldPrefix = "")
    {
        foreach (var error in outcome.Errors)
        {
            modelState.AddModelError(fieldPrefix + error.Field, strings[error.Key, error.Arguments]);
        }
    }
}
