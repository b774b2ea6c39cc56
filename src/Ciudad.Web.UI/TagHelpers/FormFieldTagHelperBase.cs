using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Ciudad.Web.UI.TagHelpers;

/// <summary>
/// Shared parts of the USWDS form group: label (or legend), hint, inline error and the ids that
/// tie them together with <c>aria-describedby</c>. Field ids are the model name with dots replaced,
/// so the error summary can link to them.
/// </summary>
public abstract class FormFieldTagHelperBase : TagHelper
{
    [HtmlAttributeName("for")] public ModelExpression For { get; set; } = default!;
    [HtmlAttributeName("label")] public string? Label { get; set; }
    [HtmlAttributeName("hint")] public string? Hint { get; set; }

    [HtmlAttributeNotBound, ViewContext] public ViewContext ViewContext { get; set; } = default!;

    protected string Name => For.Name;
    protected string Id => FieldId(For.Name);
    protected string HintId => Id + "-hint";
    protected string ErrorId => Id + "-error";
    protected string LabelText => Label ?? For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? For.Name;

    public static string FieldId(string name) => TagBuilder.CreateSanitizedId(name, "-");

    protected string? ErrorMessage =>
        ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;

    protected string? AttemptedValue =>
        ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : For.Model?.ToString();

    protected string? DescribedBy
    {
        get
        {
            var ids = new List<string>();
            if (Hint is not null) ids.Add(HintId);
            if (ErrorMessage is not null) ids.Add(ErrorId);
            return ids.Count == 0 ? null : string.Join(' ', ids);
        }
    }

    protected static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    protected string HintAndErrorHtml()
    {
        var html = "";
        if (Hint is not null) html += $"<div class=\"usa-hint\" id=\"{HintId}\">{Encode(Hint)}</div>";
        if (ErrorMessage is not null) html += $"<span class=\"usa-error-message\" id=\"{ErrorId}\" role=\"alert\">{Encode(ErrorMessage)}</span>";
        return html;
    }

    protected string GroupClass => ErrorMessage is null ? "usa-form-group" : "usa-form-group usa-form-group--error";

    protected string RequiredAttribute => For.Metadata.IsRequired && For.Metadata.ModelType != typeof(bool) ? " required aria-required=\"true\"" : "";

    /// <summary>Copies plain attributes written on the tag (autocomplete, inputmode…) onto the control.</summary>
    protected static string PassThrough(TagHelperContext context, params string[] bound)
    {
        var html = "";
        foreach (var attribute in context.AllAttributes)
        {
            if (bound.Contains(attribute.Name) || attribute.Name is "for" or "label" or "hint") continue;
            html += $" {attribute.Name}=\"{Encode(attribute.Value?.ToString())}\"";
        }
        return html;
    }
}
