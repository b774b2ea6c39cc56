using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Ciudad.Web.UI.TagHelpers;

namespace Ciudad.Forms.Rendering;

/// <summary>What one render of a page needs besides the fields: answers so far, errors by input name, language and the module's captions.</summary>
internal sealed record RenderContext(FormAnswers Answers, IReadOnlyDictionary<string, string> Errors, CultureInfo Culture, Func<string, string> Caption);

/// <summary>
/// Writes a form page's questions as USWDS markup: a label or legend per question, its hint and
/// error wired with <c>aria-describedby</c>, inputs named by their answer (<c>key</c>,
/// <c>key.part</c>, <c>group[0].key</c>) with ids the error summary links to, and the autocomplete
/// tokens that let phones fill in names and addresses. Plain HTML, no script needed: a pure
/// function of the definition and the answers, so a 100-question page renders in well under a millisecond.
/// </summary>
internal static class FieldRenderer
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string Render(IEnumerable<FormField> fields, RenderContext context, string scope = "")
    {
        var html = new StringBuilder(4096);
        foreach (var field in fields)
        {
            Field(html, field, context, scope);
        }
        return html.ToString();
    }

    public static string Id(string name) => FormFieldTagHelperBase.FieldId(name);

    private static void Field(StringBuilder html, FormField field, RenderContext context, string scope)
    {
        var name = scope + field.Key;
        switch (field.Type)
        {
            case FieldType.Content:
                if (field.Label.For(context.Culture) is { Length: > 0 } heading)
                {
                    html.Append("<h2 class=\"font-heading-md\">").Append(E(heading)).Append("</h2>");
                }
                Paragraphs(html, field.Body?.For(context.Culture));
                return;
            case FieldType.Text or FieldType.Number or FieldType.Email or FieldType.Phone:
                Input(html, field, name, context);
                return;
            case FieldType.LongText:
                TextArea(html, field, name, context);
                return;
            case FieldType.Select:
                Select(html, field, name, context);
                return;
            case FieldType.Radios or FieldType.Checkboxes or FieldType.YesNo:
                Choices(html, field, name, context);
                return;
            case FieldType.Date:
                Parts(html, field, name, context, "usa-memorable-date",
                    (FormAnswers.Parts.Month, "Forms.Render.Month", "usa-input--xs", "bday-month", 2, "numeric"),
                    (FormAnswers.Parts.Day, "Forms.Render.Day", "usa-input--xs", "bday-day", 2, "numeric"),
                    (FormAnswers.Parts.Year, "Forms.Render.Year", "usa-input--sm", "bday-year", 4, "numeric"));
                return;
            case FieldType.Name:
                Parts(html, field, name, context, null,
                    (FormAnswers.Parts.Given, "Forms.Render.Given", null, "given-name", 100, null),
                    (FormAnswers.Parts.Family, "Forms.Render.Family", null, "family-name", 100, null));
                return;
            case FieldType.Address:
                Parts(html, field, name, context, null,
                    (FormAnswers.Parts.Line1, "Forms.Render.Line1", null, "address-line1", 200, null),
                    (FormAnswers.Parts.Line2, "Forms.Render.Line2", null, "address-line2", 200, null),
                    (FormAnswers.Parts.City, "Forms.Render.City", "usa-input--xl", "address-level2", 100, null),
                    (FormAnswers.Parts.State, "Forms.Render.State", "usa-input--xs", "address-level1", 2, null),
                    (FormAnswers.Parts.Zip, "Forms.Render.Zip", "usa-input--medium", "postal-code", 10, "numeric"));
                return;
            case FieldType.File:
                File(html, field, name, context);
                return;
            case FieldType.Group:
                Group(html, field, name, context);
                return;
            case FieldType.Declaration:
                Declaration(html, field, name, context);
                return;
        }
    }

    private static void Input(StringBuilder html, FormField field, string name, RenderContext context)
    {
        var (type, extra) = field.Type switch
        {
            FieldType.Email => ("email", " autocomplete=\"email\" spellcheck=\"false\""),
            FieldType.Phone => ("tel", " autocomplete=\"tel\""),
            // GOV.UK's advice: type=number mangles input (scrolls, drops leading zeros); a text box with a numeric keyboard does not.
            FieldType.Number => ("text", " inputmode=\"decimal\""),
            _ => ("text", field.Prefill == "phone" ? " autocomplete=\"tel\"" : ""),
        };
        var width = field.Type == FieldType.Number ? " usa-input--small" : "";
        var id = Id(name);
        Open(html, name, context);
        Label(html, field, id, context);
        HintAndError(html, field, id, name, context);
        html.Append("<input class=\"usa-input").Append(width).Append(ErrorClass(name, context, " usa-input--error")).Append("\" id=\"").Append(id)
            .Append("\" name=\"").Append(E(name)).Append("\" type=\"").Append(type).Append("\" value=\"").Append(E(context.Answers[name])).Append('"')
            .Append(MaxLength(field)).Append(extra).Append(Described(field, id, name, context)).Append(" />");
        html.Append("</div>");
    }

    private static void TextArea(StringBuilder html, FormField field, string name, RenderContext context)
    {
        var id = Id(name);
        Open(html, name, context);
        Label(html, field, id, context);
        HintAndError(html, field, id, name, context);
        html.Append("<textarea class=\"usa-textarea").Append(ErrorClass(name, context, " usa-input--error")).Append("\" id=\"").Append(id)
            .Append("\" name=\"").Append(E(name)).Append("\" rows=\"5\"").Append(MaxLength(field)).Append(Described(field, id, name, context)).Append('>')
            .Append(E(context.Answers[name])).Append("</textarea></div>");
    }

    private static void Select(StringBuilder html, FormField field, string name, RenderContext context)
    {
        var id = Id(name);
        var chosen = context.Answers[name];
        Open(html, name, context);
        Label(html, field, id, context);
        HintAndError(html, field, id, name, context);
        html.Append("<select class=\"usa-select").Append(ErrorClass(name, context, " usa-input--error")).Append("\" id=\"").Append(id)
            .Append("\" name=\"").Append(E(name)).Append('"').Append(Described(field, id, name, context)).Append('>')
            .Append("<option value=\"\">").Append(E(context.Caption("Forms.Render.Choose"))).Append("</option>");
        foreach (var option in field.Options)
        {
            html.Append("<option value=\"").Append(E(option.Value)).Append('"')
                .Append(string.Equals(option.Value, chosen, StringComparison.OrdinalIgnoreCase) ? " selected" : "")
                .Append('>').Append(E(option.Label.For(context.Culture))).Append("</option>");
        }
        html.Append("</select></div>");
    }

    private static void Choices(StringBuilder html, FormField field, string name, RenderContext context)
    {
        var kind = field.Type == FieldType.Checkboxes ? "checkbox" : "radio";
        IReadOnlyList<(string Value, string Label)> options = field.Type == FieldType.YesNo
            ? [("yes", context.Caption("Forms.Render.Yes")), ("no", context.Caption("Forms.Render.No"))]
            : [.. field.Options.Select(o => (o.Value, o.Label.For(context.Culture)))];
        var chosen = context.Answers.All(name);
        var id = Id(name);
        OpenFieldset(html, field, id, name, context);
        html.Append(field.Type == FieldType.YesNo && options.Count == 2 ? "<div class=\"ciudad-inline-choices\">" : "<div>");
        for (var i = 0; i < options.Count; i++)
        {
            var (value, label) = options[i];
            var optionId = i == 0 ? id : $"{id}-{i}";
            var isChecked = chosen.Contains(value, StringComparer.OrdinalIgnoreCase);
            html.Append("<div class=\"usa-").Append(kind).Append("\"><input class=\"usa-").Append(kind).Append("__input\" id=\"").Append(optionId)
                .Append("\" type=\"").Append(kind).Append("\" name=\"").Append(E(name)).Append("\" value=\"").Append(E(value)).Append('"')
                .Append(isChecked ? " checked" : "").Append(" /><label class=\"usa-").Append(kind).Append("__label\" for=\"").Append(optionId).Append("\">")
                .Append(E(label)).Append("</label></div>");
        }
        html.Append("</div></fieldset></div>");
    }

    private static void Parts(StringBuilder html, FormField field, string name, RenderContext context, string? wrapperClass,
        params (string Part, string CaptionKey, string? Width, string Autocomplete, int MaxLength, string? InputMode)[] parts)
    {
        var id = Id(name);
        var optionalPart = field.Type == FieldType.Address ? FormAnswers.Parts.Line2 : null;
        OpenFieldset(html, field, id, name, context, partErrors: true);
        if (wrapperClass is not null)
        {
            html.Append("<div class=\"").Append(wrapperClass).Append("\">");
        }
        foreach (var (part, captionKey, width, autocomplete, maxLength, inputMode) in parts)
        {
            var partName = $"{name}.{part}";
            var partId = Id(partName);
            var inDate = wrapperClass is not null;
            html.Append(inDate ? "<div class=\"usa-form-group usa-form-group--" + (part == FormAnswers.Parts.Year ? "year" : part) + "\">" : "<div class=\"usa-form-group\">")
                .Append("<label class=\"usa-label\" for=\"").Append(partId).Append("\">").Append(E(context.Caption(captionKey)));
            if (part == optionalPart)
            {
                html.Append(' ').Append(E(context.Caption("Forms.Render.Optional")));
            }
            html.Append("</label><input class=\"usa-input").Append(width is null ? "" : " " + width)
                .Append(context.Errors.ContainsKey(partName) || context.Errors.ContainsKey(name) ? " usa-input--error" : "")
                .Append("\" id=\"").Append(partId).Append("\" name=\"").Append(E(partName)).Append("\" value=\"").Append(E(context.Answers[partName]))
                .Append("\" maxlength=\"").Append(maxLength.ToString(CultureInfo.InvariantCulture)).Append('"')
                .Append(scopeless(name) ? $" autocomplete=\"{autocomplete}\"" : "")
                .Append(inputMode is null ? "" : $" inputmode=\"{inputMode}\"")
                .Append(Described(field, id, name, context, partName)).Append(" /></div>");
        }
        if (wrapperClass is not null)
        {
            html.Append("</div>");
        }
        html.Append("</fieldset></div>");

        // Inside a repeating group the browser must not fill every item with the person's own details.
        static bool scopeless(string n) => !n.Contains('[', StringComparison.Ordinal);
    }

    private static void File(StringBuilder html, FormField field, string name, RenderContext context)
    {
        var id = Id(name);
        Open(html, name, context);
        Label(html, field, id, context);
        HintAndError(html, field, id, name, context);
        if (context.Answers[name + "." + FormAnswers.Parts.FileName] is { Length: > 0 } fileName)
        {
            html.Append("<p class=\"margin-y-1\">").Append(E(string.Format(context.Culture, context.Caption("Forms.Render.FileChosen"), fileName)))
                .Append(" <button type=\"submit\" class=\"usa-button usa-button--unstyled ciudad-text-button\" name=\"remove\" value=\"").Append(E(name)).Append("\">")
                .Append(E(context.Caption("Forms.Render.RemoveFile"))).Append("<span class=\"usa-sr-only\"> ").Append(E(fileName)).Append("</span></button></p>");
        }
        var accept = string.Join(',', field.FileTypes.Select(t => "." + t.TrimStart('.').ToLowerInvariant()));
        html.Append("<input class=\"ciudad-file-input\" id=\"").Append(id).Append("\" name=\"").Append(E(name)).Append("\" type=\"file\"")
            .Append(accept.Length > 0 ? $" accept=\"{E(accept)}\"" : "").Append(Described(field, id, name, context)).Append(" /></div>");
    }

    private static void Group(StringBuilder html, FormField field, string name, RenderContext context)
    {
        var id = Id(name);
        var count = context.Answers.ItemCount(name);
        var max = field.MaxItems ?? 50;
        // One empty item more than answered, so the next one can be typed without a script.
        var slots = Math.Min(max, count + 1);
        OpenFieldset(html, field, id, name, context, idOnFieldset: true);
        for (var i = 0; i < slots; i++)
        {
            var itemScope = FormConditions.ItemScope(name, i);
            var heading = string.Format(context.Culture, context.Caption("Forms.Render.Item"), field.Label.For(context.Culture), i + 1);
            html.Append("<fieldset class=\"usa-fieldset ciudad-group-item border-left-05 border-base-lighter padding-left-2 margin-y-2\" id=\"")
                .Append(Id(itemScope + "item")).Append("\"><legend class=\"usa-legend usa-legend--large\">").Append(E(heading)).Append("</legend>");
            html.Append(Render(field.Fields, context, itemScope));
            if (i < count)
            {
                html.Append("<button type=\"submit\" class=\"usa-button usa-button--unstyled ciudad-text-button\" name=\"removeItem\" value=\"")
                    .Append(E($"{name}|{i.ToString(CultureInfo.InvariantCulture)}")).Append("\">").Append(E(context.Caption("Forms.Render.RemoveItem")))
                    .Append("<span class=\"usa-sr-only\"> ").Append(E(heading)).Append("</span></button>");
            }
            html.Append("</fieldset>");
        }
        if (slots < max)
        {
            html.Append("<button type=\"submit\" class=\"usa-button usa-button--outline\" name=\"addItem\" value=\"").Append(E(name)).Append("\">")
                .Append(E(context.Caption("Forms.Render.AddItem"))).Append("</button>");
        }
        html.Append("</fieldset></div>");
    }

    private static void Declaration(StringBuilder html, FormField field, string name, RenderContext context)
    {
        var id = Id(name);
        Open(html, name, context);
        html.Append("<div class=\"usa-summary-box margin-bottom-2\"><div class=\"usa-summary-box__body\">");
        Paragraphs(html, field.Label.For(context.Culture));
        html.Append("</div></div><label class=\"usa-label\" for=\"").Append(id).Append("\">").Append(E(context.Caption("Forms.Render.Sign"))).Append("</label>");
        HintAndError(html, field, id, name, context);
        html.Append("<input class=\"usa-input").Append(ErrorClass(name, context, " usa-input--error")).Append("\" id=\"").Append(id)
            .Append("\" name=\"").Append(E(name)).Append("\" value=\"").Append(E(context.Answers[name])).Append("\" autocomplete=\"name\" maxlength=\"200\"")
            .Append(Described(field, id, name, context)).Append(" /></div>");
    }

    private static void Open(StringBuilder html, string name, RenderContext context) =>
        html.Append("<div class=\"usa-form-group").Append(ErrorClass(name, context, " usa-form-group--error")).Append("\">");

    private static void OpenFieldset(StringBuilder html, FormField field, string id, string name, RenderContext context, bool partErrors = false, bool idOnFieldset = false)
    {
        var error = context.Errors.ContainsKey(name) || (partErrors && context.Errors.Keys.Any(k => k.StartsWith(name + ".", StringComparison.Ordinal)));
        html.Append("<div class=\"usa-form-group").Append(error ? " usa-form-group--error" : "").Append("\"><fieldset class=\"usa-fieldset\"")
            .Append(idOnFieldset ? $" id=\"{id}\" tabindex=\"-1\"" : "")
            .Append(Described(field, id, name, context, partErrors ? name + "." : null)).Append("><legend class=\"usa-legend\">")
            .Append(E(field.Label.For(context.Culture)));
        if (!field.Required && field.Type != FieldType.Group)
        {
            html.Append(' ').Append(E(context.Caption("Forms.Render.Optional")));
        }
        html.Append("</legend>");
        if (field.Hint?.For(context.Culture) is { Length: > 0 } hint)
        {
            html.Append("<div class=\"usa-hint\" id=\"").Append(id).Append("-hint\">").Append(E(hint)).Append("</div>");
        }
        foreach (var (key, message) in context.Errors.Where(e => e.Key == name || (partErrors && e.Key.StartsWith(name + ".", StringComparison.Ordinal))))
        {
            html.Append("<span class=\"usa-error-message\" id=\"").Append(Id(key)).Append("-error\">").Append(E(message)).Append("</span>");
        }
    }

    private static void Label(StringBuilder html, FormField field, string id, RenderContext context)
    {
        html.Append("<label class=\"usa-label\" for=\"").Append(id).Append("\">").Append(E(field.Label.For(context.Culture)));
        if (!field.Required)
        {
            html.Append(' ').Append(E(context.Caption("Forms.Render.Optional")));
        }
        html.Append("</label>");
    }

    private static void HintAndError(StringBuilder html, FormField field, string id, string name, RenderContext context)
    {
        if (field.Hint?.For(context.Culture) is { Length: > 0 } hint)
        {
            html.Append("<div class=\"usa-hint\" id=\"").Append(id).Append("-hint\">").Append(E(hint)).Append("</div>");
        }
        if (context.Errors.TryGetValue(name, out var message))
        {
            html.Append("<span class=\"usa-error-message\" id=\"").Append(id).Append("-error\">").Append(E(message)).Append("</span>");
        }
    }

    /// <summary>The hint and the error(s) that belong to this input, for screen readers.</summary>
    private static string Described(FormField field, string id, string name, RenderContext context, string? partName = null)
    {
        var ids = new List<string>(2);
        if (field.Hint?.For(context.Culture) is { Length: > 0 })
        {
            ids.Add(id + "-hint");
        }
        if (partName is null)
        {
            if (context.Errors.ContainsKey(name))
            {
                ids.Add(id + "-error");
            }
        }
        else if (partName.EndsWith('.'))
        {
            ids.AddRange(context.Errors.Keys.Where(k => k == name || k.StartsWith(partName, StringComparison.Ordinal)).Select(k => Id(k) + "-error"));
        }
        else if (context.Errors.ContainsKey(partName))
        {
            ids.Add(Id(partName) + "-error");
        }
        var invalid = partName is null ? context.Errors.ContainsKey(name) : !partName.EndsWith('.') && (context.Errors.ContainsKey(partName) || context.Errors.ContainsKey(name));
        return (ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"") + (invalid ? " aria-invalid=\"true\"" : "");
    }

    private static string MaxLength(FormField field) =>
        field.MaxLength is { } max ? $" maxlength=\"{max.ToString(CultureInfo.InvariantCulture)}\"" : "";

    private static string ErrorClass(string name, RenderContext context, string cssClass) => context.Errors.ContainsKey(name) ? cssClass : "";

    private static void Paragraphs(StringBuilder html, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        foreach (var paragraph in text.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(E(paragraph).Replace("&#xA;", "<br />", StringComparison.Ordinal)).Append("</p>");
        }
    }

    private static string E(string? text) => Html.Encode(text ?? "");
}
