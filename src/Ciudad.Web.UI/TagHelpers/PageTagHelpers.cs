using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.UI.TagHelpers;

/// <summary>
/// <c>&lt;ciudad-error-summary /&gt;</c>: every error on the page, each linking to its field. Renders
/// nothing when the form is valid. site.js moves focus here so screen readers announce it.
/// </summary>
[HtmlTargetElement("ciudad-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(IStringLocalizer<SharedStrings> strings) : TagHelper
{
    [HtmlAttributeNotBound, ViewContext] public ViewContext ViewContext { get; set; } = default!;

    /// <summary>The fields' keys in the order the page shows them, for pages whose fields are not model properties (a form definition's questions).</summary>
    [HtmlAttributeName("order")] public IReadOnlyList<string>? FieldOrder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // In the order the fields appear on the form (OrderBy is stable: a dictionary's entries keep theirs).
        IComparer<string> order = FieldOrder is { } keys
            ? Comparer<string>.Create((a, b) => Position(keys, a).CompareTo(Position(keys, b)))
            : new FormOrder(ViewContext.ViewData.ModelMetadata);
        var errors = ViewContext.ViewData.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .OrderBy(e => e.Key, order)
            .SelectMany(e => e.Value!.Errors.Select(error => (Key: e.Key, error.ErrorMessage)))
            .DistinctBy(e => e.ErrorMessage)
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "usa-alert usa-alert--error ciudad-error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-heading");
        var items = string.Concat(errors.Select(e => e.Key.Length == 0
            ? $"<li>{HtmlEncoder.Default.Encode(e.ErrorMessage)}</li>"
            : $"<li><a class=\"usa-link\" href=\"#{FormFieldTagHelperBase.FieldId(e.Key)}\">{HtmlEncoder.Default.Encode(e.ErrorMessage)}</a></li>"));
        output.Content.SetHtmlContent(
            $"<div class=\"usa-alert__body\"><h2 class=\"usa-alert__heading\" id=\"error-summary-heading\">{HtmlEncoder.Default.Encode(strings["Form.ErrorSummary.Heading"])}</h2>" +
            $"<ul class=\"usa-list usa-list--unstyled\">{items}</ul></div>");
    }

    private static int Position(IReadOnlyList<string> keys, string key)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (string.Equals(keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return int.MaxValue;
    }
}

/// <summary><c>&lt;ciudad-alert type="success" heading="…"&gt;body&lt;/ciudad-alert&gt;</c></summary>
[HtmlTargetElement("ciudad-alert")]
public sealed class AlertTagHelper : TagHelper
{
    [HtmlAttributeName("type")] public string Type { get; set; } = "info";
    [HtmlAttributeName("heading")] public string? Heading { get; set; }

    /// <summary>Announce to screen readers as it appears (confirmations after a post).</summary>
    [HtmlAttributeName("announce")] public bool Announce { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var body = (await output.GetChildContentAsync()).GetContent();
        output.TagName = "div";
        output.Attributes.SetAttribute("class", $"usa-alert usa-alert--{Type}");
        if (Announce)
        {
            output.Attributes.SetAttribute("role", Type == "error" ? "alert" : "status");
        }
        var heading = Heading is null ? "" : $"<h2 class=\"usa-alert__heading\">{HtmlEncoder.Default.Encode(Heading)}</h2>";
        output.Content.SetHtmlContent($"<div class=\"usa-alert__body\">{heading}<div class=\"usa-alert__text\">{body}</div></div>");
    }
}

/// <summary><c>&lt;ciudad-step-indicator steps="Model.Steps" current="2" /&gt;</c> (1-based current step).</summary>
[HtmlTargetElement("ciudad-step-indicator", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StepIndicatorTagHelper(IStringLocalizer<SharedStrings> strings) : TagHelper
{
    [HtmlAttributeName("steps")] public IReadOnlyList<string> Steps { get; set; } = [];
    [HtmlAttributeName("current")] public int Current { get; set; } = 1;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "usa-step-indicator usa-step-indicator--counters-sm");
        output.Attributes.SetAttribute("aria-label", strings["Form.Steps.Label"].Value);
        var segments = string.Concat(Steps.Select((step, i) =>
        {
            var number = i + 1;
            var state = number < Current ? " usa-step-indicator__segment--complete" : number == Current ? " usa-step-indicator__segment--current" : "";
            var current = number == Current ? " aria-current=\"step\"" : "";
            var status = number < Current ? strings["Form.Steps.Completed"] : number == Current ? null : strings["Form.Steps.NotCompleted"];
            var statusHtml = status is null ? "" : $" <span class=\"usa-sr-only\">{HtmlEncoder.Default.Encode(status)}</span>";
            return $"<li class=\"usa-step-indicator__segment{state}\"{current}><span class=\"usa-step-indicator__segment-label\">{HtmlEncoder.Default.Encode(step)}{statusHtml}</span></li>";
        }));
        var heading = Current >= 1 && Current <= Steps.Count
            ? $"<div class=\"usa-step-indicator__header\"><h2 class=\"usa-step-indicator__heading\"><span class=\"usa-step-indicator__heading-counter\"><span class=\"usa-sr-only\">{HtmlEncoder.Default.Encode(strings["Form.Steps.Step"])}</span> <span class=\"usa-step-indicator__current-step\">{Current}</span> <span class=\"usa-step-indicator__total-steps\">{HtmlEncoder.Default.Encode(strings["Form.Steps.Of", Steps.Count])}</span></span> <span class=\"usa-step-indicator__heading-text\">{HtmlEncoder.Default.Encode(Steps[Current - 1])}</span></h2></div>"
            : "";
        output.Content.SetHtmlContent($"<ol class=\"usa-step-indicator__segments\">{segments}</ol>{heading}");
    }
}

/// <summary>
/// <c>&lt;ciudad-pagination page="3" total-pages="10" url-format="?page={0}" /&gt;</c>: numbered links
/// with previous/next, first and last, and ellipses; works without JavaScript.
/// </summary>
[HtmlTargetElement("ciudad-pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PaginationTagHelper(IStringLocalizer<SharedStrings> strings) : TagHelper
{
    [HtmlAttributeName("page")] public int Page { get; set; } = 1;
    [HtmlAttributeName("total-pages")] public int TotalPages { get; set; } = 1;

    /// <summary>A format string with {0} for the page number.</summary>
    [HtmlAttributeName("url-format")] public string UrlFormat { get; set; } = "?page={0}";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (TotalPages <= 1)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("aria-label", strings["Form.Pagination.Label"].Value);
        output.Attributes.SetAttribute("class", "usa-pagination");
        string Url(int page) => HtmlEncoder.Default.Encode(string.Format(System.Globalization.CultureInfo.InvariantCulture, UrlFormat, page));
        var items = "";
        if (Page > 1)
        {
            items += $"<li class=\"usa-pagination__item usa-pagination__arrow\"><a href=\"{Url(Page - 1)}\" class=\"usa-pagination__link usa-pagination__previous-page\"><span class=\"usa-pagination__link-text\">{HtmlEncoder.Default.Encode(strings["Form.Pagination.Previous"])}</span></a></li>";
        }
        int? last = null;
        foreach (var number in PagesToShow())
        {
            if (last is not null && number > last + 1)
            {
                items += "<li class=\"usa-pagination__item usa-pagination__overflow\" aria-label=\"ellipsis indicating non-visible pages\"><span>…</span></li>";
            }
            var current = number == Page ? " usa-current\" aria-current=\"page" : "";
            items += $"<li class=\"usa-pagination__item usa-pagination__page-no\"><a href=\"{Url(number)}\" class=\"usa-pagination__button{current}\" aria-label=\"{HtmlEncoder.Default.Encode(strings["Form.Pagination.Page", number])}\">{number}</a></li>";
            last = number;
        }
        if (Page < TotalPages)
        {
            items += $"<li class=\"usa-pagination__item usa-pagination__arrow\"><a href=\"{Url(Page + 1)}\" class=\"usa-pagination__link usa-pagination__next-page\"><span class=\"usa-pagination__link-text\">{HtmlEncoder.Default.Encode(strings["Form.Pagination.Next"])}</span></a></li>";
        }
        output.Content.SetHtmlContent($"<ul class=\"usa-pagination__list\">{items}</ul>");
    }

    private IEnumerable<int> PagesToShow() =>
        new[] { 1, Page - 1, Page, Page + 1, TotalPages }.Where(p => p >= 1 && p <= TotalPages).Distinct().Order();
}

/// <summary>
/// "Check your answers": <c>&lt;ciudad-summary-list&gt;&lt;ciudad-summary-row key="…" value="…" change-url="…" change-label="…" /&gt;&lt;/ciudad-summary-list&gt;</c>
/// </summary>
[HtmlTargetElement("ciudad-summary-list")]
public sealed class SummaryListTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "dl";
        output.Attributes.SetAttribute("class", "ciudad-summary-list");
    }
}

[HtmlTargetElement("ciudad-summary-row", ParentTag = "ciudad-summary-list", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SummaryRowTagHelper(IStringLocalizer<SharedStrings> strings) : TagHelper
{
    [HtmlAttributeName("key")] public string Key { get; set; } = "";
    [HtmlAttributeName("value")] public string? Value { get; set; }
    [HtmlAttributeName("change-url")] public string? ChangeUrl { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ciudad-summary-list__row");
        var encode = HtmlEncoder.Default;
        var value = string.IsNullOrWhiteSpace(Value) ? $"<span class=\"text-base\">{encode.Encode(strings["Form.Summary.NotGiven"])}</span>" : $"<bdi>{encode.Encode(Value)}</bdi>";
        var change = ChangeUrl is null ? "" :
            $"<dd class=\"ciudad-summary-list__action\"><a class=\"usa-link\" href=\"{encode.Encode(ChangeUrl)}\">{encode.Encode(strings["Form.Summary.Change"])}<span class=\"usa-sr-only\"> {encode.Encode(Key)}</span></a></dd>";
        output.Content.SetHtmlContent($"<dt class=\"ciudad-summary-list__key\">{encode.Encode(Key)}</dt><dd class=\"ciudad-summary-list__value\">{value}</dd>{change}");
    }
}
