using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Ciudad.Web.UI.TagHelpers;

/// <summary><c>&lt;ciudad-input for="Input.Email" label="…" hint="…" type="email" autocomplete="email" /&gt;</c></summary>
[HtmlTargetElement("ciudad-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class InputTagHelper : FormFieldTagHelperBase
{
    [HtmlAttributeName("type")] public string Type { get; set; } = "text";

    /// <summary>USWDS width modifier, e.g. "md" or "2xl".</summary>
    [HtmlAttributeName("width")] public string? Width { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        output.Attributes.SetAttribute("class", GroupClass);
        var classes = "usa-input" + (Width is null ? "" : $" usa-input--{Width}") + (ErrorMessage is null ? "" : " usa-input--error");
        // Never echo a password back into the page.
        var value = Type == "password" ? "" : Encode(AttemptedValue);
        var describedBy = DescribedBy is null ? "" : $" aria-describedby=\"{DescribedBy}\"";
        var invalid = ErrorMessage is null ? "" : " aria-invalid=\"true\"";
        output.Content.SetHtmlContent(
            $"<label class=\"usa-label\" for=\"{Id}\">{Encode(LabelText)}</label>{HintAndErrorHtml()}" +
            $"<input class=\"{classes}\" id=\"{Id}\" name=\"{Encode(Name)}\" type=\"{Encode(Type)}\" value=\"{value}\"{describedBy}{invalid}{RequiredAttribute}{PassThrough(context, "type", "width")} />");
    }
}

/// <summary><c>&lt;ciudad-textarea for="Input.Description" label="…" /&gt;</c></summary>
[HtmlTargetElement("ciudad-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextareaTagHelper : FormFieldTagHelperBase
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        output.Attributes.SetAttribute("class", GroupClass);
        var classes = "usa-textarea" + (ErrorMessage is null ? "" : " usa-input--error");
        var describedBy = DescribedBy is null ? "" : $" aria-describedby=\"{DescribedBy}\"";
        var invalid = ErrorMessage is null ? "" : " aria-invalid=\"true\"";
        output.Content.SetHtmlContent(
            $"<label class=\"usa-label\" for=\"{Id}\">{Encode(LabelText)}</label>{HintAndErrorHtml()}" +
            $"<textarea class=\"{classes}\" id=\"{Id}\" name=\"{Encode(Name)}\"{describedBy}{invalid}{RequiredAttribute}{PassThrough(context)}>{Encode(AttemptedValue)}</textarea>");
    }
}

/// <summary>A single yes/no checkbox bound to a bool: <c>&lt;ciudad-checkbox for="Input.RememberMe" label="…" /&gt;</c></summary>
[HtmlTargetElement("ciudad-checkbox", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxTagHelper : FormFieldTagHelperBase
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        output.Attributes.SetAttribute("class", GroupClass);
        var isChecked = IsTicked() ? " checked" : "";
        var describedBy = DescribedBy is null ? "" : $" aria-describedby=\"{DescribedBy}\"";
        // The hidden "false" makes an unticked box post a value, as MVC's own checkbox does.
        output.Content.SetHtmlContent(
            $"{HintAndErrorHtml()}<div class=\"usa-checkbox\"><input class=\"usa-checkbox__input\" id=\"{Id}\" name=\"{Encode(Name)}\" type=\"checkbox\" value=\"true\"{isChecked}{describedBy} />" +
            $"<label class=\"usa-checkbox__label\" for=\"{Id}\">{Encode(LabelText)}</label></div>" +
            $"<input type=\"hidden\" name=\"{Encode(Name)}\" value=\"false\" />");
    }

    /// <summary>
    /// A ticked box posts "true" and the hidden "false" (attempted value "true,false"); the bool binds
    /// from the first value, so the box shows ticked when that one is "true", else the model's value.
    /// </summary>
    private bool IsTicked()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null)
        {
            var first = entry.RawValue is string[] values ? values.FirstOrDefault() : entry.RawValue.ToString();
            return string.Equals(first, "true", StringComparison.OrdinalIgnoreCase);
        }
        return For.Model is true;
    }
}
