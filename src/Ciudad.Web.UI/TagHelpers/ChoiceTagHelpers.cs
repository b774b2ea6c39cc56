using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Ciudad.Web.UI.TagHelpers;

/// <summary>Select, radio and checkbox lists over <see cref="SelectListItem"/>s.</summary>
public abstract class ChoiceTagHelperBase : FormFieldTagHelperBase
{
    [HtmlAttributeName("items")] public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>The selected values: what was posted, else the model's value(s).</summary>
    protected HashSet<string> SelectedValues()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string[] many => [.. many],
                var one => [one.ToString() ?? ""],
            };
        }
        return For.Model switch
        {
            null => [],
            string s => [s],
            System.Collections.IEnumerable many => [.. many.Cast<object>().Select(o => o.ToString() ?? "")],
            var one => [one.ToString() ?? ""],
        };
    }

    protected void StartFieldset(TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        output.Attributes.SetAttribute("class", GroupClass);
    }

    protected string Legend =>
        $"<legend class=\"usa-legend\">{Encode(LabelText)}</legend>{HintAndErrorHtml()}";

    protected string ListHtml(string kind)
    {
        var selected = SelectedValues();
        var html = "";
        var index = 0;
        foreach (var item in Items)
        {
            // The first option carries the field id, so the error summary's link focuses a control
            // a person can answer with, not the group around it.
            var optionId = index == 0 ? Id : $"{Id}-{index}";
            index++;
            var isChecked = selected.Contains(item.Value ?? item.Text) ? " checked" : "";
            var describedBy = DescribedBy is null ? "" : $" aria-describedby=\"{DescribedBy}\"";
            html += $"<div class=\"usa-{kind}\"><input class=\"usa-{kind}__input\" id=\"{optionId}\" type=\"{kind}\" name=\"{Encode(Name)}\" value=\"{Encode(item.Value ?? item.Text)}\"{isChecked}{describedBy} />" +
                    $"<label class=\"usa-{kind}__label\" for=\"{optionId}\">{Encode(item.Text)}</label></div>";
        }
        return html;
    }
}

/// <summary><c>&lt;ciudad-select for="Input.DepartmentId" items="Model.Departments" label="…" /&gt;</c></summary>
[HtmlTargetElement("ciudad-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SelectTagHelper : ChoiceTagHelperBase
{
    /// <summary>Text of an empty first option ("- Select -"), or none.</summary>
    [HtmlAttributeName("placeholder")] public string? Placeholder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        StartFieldset(output);
        var selected = SelectedValues();
        var options = Placeholder is null ? "" : $"<option value=\"\">{Encode(Placeholder)}</option>";
        foreach (var item in Items)
        {
            var value = item.Value ?? item.Text;
            options += $"<option value=\"{Encode(value)}\"{(selected.Contains(value) ? " selected" : "")}>{Encode(item.Text)}</option>";
        }
        var classes = "usa-select" + (ErrorMessage is null ? "" : " usa-input--error");
        var describedBy = DescribedBy is null ? "" : $" aria-describedby=\"{DescribedBy}\"";
        output.Content.SetHtmlContent(
            $"<label class=\"usa-label\" for=\"{Id}\">{Encode(LabelText)}</label>{HintAndErrorHtml()}" +
            $"<select class=\"{classes}\" id=\"{Id}\" name=\"{Encode(Name)}\"{describedBy}{RequiredAttribute}>{options}</select>");
    }
}

/// <summary><c>&lt;ciudad-radios for="Input.Language" items="…" label="…" /&gt;</c>: one choice, as a fieldset.</summary>
[HtmlTargetElement("ciudad-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RadiosTagHelper : ChoiceTagHelperBase
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        StartFieldset(output);
        output.Content.SetHtmlContent($"<fieldset class=\"usa-fieldset\" id=\"{Id}-group\">{Legend}{ListHtml("radio")}</fieldset>");
    }
}

/// <summary><c>&lt;ciudad-checkboxes for="Input.Channels" items="…" label="…" /&gt;</c>: several choices.</summary>
[HtmlTargetElement("ciudad-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxesTagHelper : ChoiceTagHelperBase
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        StartFieldset(output);
        output.Content.SetHtmlContent($"<fieldset class=\"usa-fieldset\" id=\"{Id}-group\">{Legend}{ListHtml("checkbox")}</fieldset>");
    }
}
