using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Ciudad.Web.UI.TagHelpers;

/// <summary>
/// <c>&lt;ciudad-file-input for="Photos" label="…" accept="image/jpeg" multiple /&gt;</c>: a plain file
/// input in a USWDS form group. Not the USWDS drag-and-drop widget: its instructions are English only.
/// </summary>
[HtmlTargetElement("ciudad-file-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FileInputTagHelper : FormFieldTagHelperBase
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        output.Attributes.SetAttribute("class", GroupClass);
        var describedBy = DescribedBy is null ? "" : $" aria-describedby=\"{DescribedBy}\"";
        var invalid = ErrorMessage is null ? "" : " aria-invalid=\"true\"";
        output.Content.SetHtmlContent(
            $"<label class=\"usa-label\" for=\"{Id}\">{Encode(LabelText)}</label>{HintAndErrorHtml()}" +
            $"<input class=\"ciudad-file-input\" id=\"{Id}\" name=\"{Encode(Name)}\" type=\"file\"{describedBy}{invalid}{PassThrough(context)} />");
    }
}
