using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.UI.TagHelpers;

/// <summary><c>&lt;ciudad-date for="Input.BirthDate" label="…" hint="…" /&gt;</c> over a <see cref="MemorableDate"/>.</summary>
[HtmlTargetElement("ciudad-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateTagHelper(IStringLocalizer<SharedStrings> strings) : FormFieldTagHelperBase
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        output.Attributes.SetAttribute("class", GroupClass);
        var date = For.Model as MemorableDate;
        string Part(string part, string labelKey, int? value, int maxLength, string autocomplete)
        {
            var name = $"{Name}.{part}";
            var id = FieldId(name);
            var posted = ViewContext.ViewData.ModelState.TryGetValue(name, out var e) ? e.AttemptedValue : value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var error = ErrorMessage is null ? "" : " usa-input--error";
            var describedBy = DescribedBy is null ? "" : $" aria-describedby=\"{DescribedBy}\"";
            var width = part == "Year" ? "usa-form-group--year" : part == "Month" ? "usa-form-group--month" : "usa-form-group--day";
            return $"<div class=\"usa-form-group {width}\"><label class=\"usa-label\" for=\"{id}\">{Encode(strings[labelKey])}</label>" +
                   $"<input class=\"usa-input{error}\" id=\"{id}\" name=\"{Encode(name)}\" value=\"{Encode(posted)}\" maxlength=\"{maxLength}\" inputmode=\"numeric\" pattern=\"[0-9]*\" autocomplete=\"{autocomplete}\"{describedBy} /></div>";
        }
        var autocompleteBase = context.AllAttributes.TryGetAttribute("autocomplete", out var a) && a.Value?.ToString() == "bday" ? "bday" : "off";
        string Auto(string suffix) => autocompleteBase == "bday" ? $"bday-{suffix}" : "off";
        output.Content.SetHtmlContent(
            $"<fieldset class=\"usa-fieldset\" id=\"{Id}\"><legend class=\"usa-legend\">{Encode(LabelText)}</legend>{HintAndErrorHtml()}" +
            "<div class=\"usa-memorable-date\">" +
            Part("Month", "Form.Date.Month", date?.Month, 2, Auto("month")) +
            Part("Day", "Form.Date.Day", date?.Day, 2, Auto("day")) +
            Part("Year", "Form.Date.Year", date?.Year, 4, Auto("year")) +
            "</div></fieldset>");
    }
}
