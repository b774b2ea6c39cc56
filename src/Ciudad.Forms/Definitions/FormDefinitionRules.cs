using System.Text.RegularExpressions;
using Ciudad.Platform.Localization;
using Ciudad.Platform.Outcomes;

namespace Ciudad.Forms;

/// <summary>
/// What a definition must be before it is saved, and more before it is published: unique keys,
/// conditions that read earlier answers, options where a question offers a choice, patterns that
/// compile, and — to publish — every text in English and Spanish. Errors name the place in the
/// definition (<c>pages[1].fields[0].label</c>) with a string key, as every Outcome does.
/// </summary>
public static partial class FormDefinitionRules
{
    public const int MaxPages = 100;

    /// <summary>The languages every published text is written in.</summary>
    private static readonly string[] PublishedCultures = ["en", "es"];
    public const int MaxFields = 500;

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,62}$")]
    private static partial Regex KeyFormat();

    public static IReadOnlyList<FieldError> ToSave(FormDefinition definition) => Check(definition, publishing: false);

    public static IReadOnlyList<FieldError> ToPublish(FormDefinition definition) => Check(definition, publishing: true);

    private static List<FieldError> Check(FormDefinition definition, bool publishing)
    {
        var errors = new List<FieldError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Text(definition.Title, "title", publishing, errors, required: true);
        if (definition.Pages.Count == 0 && publishing)
        {
            errors.Add(new("pages", "Forms.Definition.NoPages"));
        }
        if (definition.Pages.Count > MaxPages || definition.AllFields.Count() > MaxFields)
        {
            errors.Add(new("pages", "Forms.Definition.TooBig", MaxPages, MaxFields));
            return errors;
        }
        var pageKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < definition.Pages.Count; p++)
        {
            var page = definition.Pages[p];
            var at = $"pages[{p}]";
            Key(page.Key, at + ".key", pageKeys, errors);
            Text(page.Title, at + ".title", publishing, errors, required: true);
            Condition(page.ShowIf, at + ".showIf", seen, errors);
            var asked = page.Fields.Count(f => f.Answers);
            if (asked == 0 && publishing && page.Fields.Count == 0)
            {
                errors.Add(new(at, "Forms.Definition.EmptyPage"));
            }
            Fields(page.Fields, at, seen, publishing, errors, inGroup: false);
        }
        if (definition.Fee is { } fee)
        {
            for (var i = 0; i < fee.Items.Count; i++)
            {
                var item = fee.Items[i];
                Text(item.Label, $"fee.items[{i}].label", publishing, errors, required: true);
                Condition(item.When, $"fee.items[{i}].when", seen, errors);
                if (item.PerField is { } per && definition.Field(per)?.Type != FieldType.Number)
                {
                    errors.Add(new($"fee.items[{i}].perField", "Forms.Definition.PerFieldNotNumber", per));
                }
                if (item.Cents < 0)
                {
                    errors.Add(new($"fee.items[{i}].cents", "Forms.Definition.NegativeFee"));
                }
            }
            if (fee.BaseCents < 0)
            {
                errors.Add(new("fee.baseCents", "Forms.Definition.NegativeFee"));
            }
        }
        return errors;
    }

    private static void Fields(IReadOnlyList<FormField> fields, string at, HashSet<string> seen, bool publishing, List<FieldError> errors, bool inGroup)
    {
        var siblings = new HashSet<string>(StringComparer.Ordinal);
        for (var f = 0; f < fields.Count; f++)
        {
            var field = fields[f];
            var here = $"{at}.fields[{f}]";
            // Conditions read answers given before this field: on an earlier page, or above it here.
            Condition(field.ShowIf, here + ".showIf", inGroup ? [.. seen, .. siblings] : seen, errors);
            Key(field.Key, here + ".key", inGroup ? siblings : seen, errors);
            if (!inGroup)
            {
                siblings.Add(field.Key);
            }
            Text(field.Label, here + ".label", publishing, errors, required: field.Type != FieldType.Content);
            Text(field.Hint, here + ".hint", publishing, errors, required: false);
            Text(field.Body, here + ".body", publishing, errors, required: field.Type == FieldType.Content);
            Text(field.PatternMessage, here + ".patternMessage", publishing, errors, required: false);
            if (field.HasOptions)
            {
                if (field.Options.Count == 0)
                {
                    errors.Add(new(here + ".options", "Forms.Definition.NoOptions"));
                }
                if (field.Options.Select(o => o.Value).Distinct(StringComparer.Ordinal).Count() != field.Options.Count || field.Options.Any(o => string.IsNullOrWhiteSpace(o.Value)))
                {
                    errors.Add(new(here + ".options", "Forms.Definition.OptionValues"));
                }
                for (var o = 0; o < field.Options.Count; o++)
                {
                    Text(field.Options[o].Label, $"{here}.options[{o}].label", publishing, errors, required: true);
                }
            }
            if (field.Pattern is { Length: > 0 } pattern && !Compiles(pattern))
            {
                errors.Add(new(here + ".pattern", "Forms.Definition.Pattern"));
            }
            if (field.MinLength > field.MaxLength || field.Min > field.Max)
            {
                errors.Add(new(here, "Forms.Definition.Range"));
            }
            if (field.Type == FieldType.File && field.FileTypes.Count == 0)
            {
                errors.Add(new(here + ".fileTypes", "Forms.Definition.FileTypes"));
            }
            if (field.Type == FieldType.Group)
            {
                if (inGroup)
                {
                    errors.Add(new(here, "Forms.Definition.NestedGroup"));
                }
                else if (field.Fields.Count == 0)
                {
                    errors.Add(new(here + ".fields", "Forms.Definition.EmptyGroup"));
                }
                else
                {
                    Fields(field.Fields, here, seen, publishing, errors, inGroup: true);
                }
                if (field.Fields.Any(f => f.Type == FieldType.File))
                {
                    errors.Add(new(here, "Forms.Definition.FileInGroup"));
                }
            }
            else if (field.Fields.Count > 0)
            {
                errors.Add(new(here + ".fields", "Forms.Definition.FieldsOutsideGroup"));
            }
        }
        if (!inGroup)
        {
            seen.UnionWith(siblings);
        }
    }

    private static void Key(string key, string at, HashSet<string> keys, List<FieldError> errors)
    {
        if (key is null || !KeyFormat().IsMatch(key))
        {
            errors.Add(new(at, "Forms.Definition.KeyFormat", key ?? ""));
        }
        else if (!keys.Add(key))
        {
            errors.Add(new(at, "Forms.Definition.KeyTaken", key));
        }
    }

    private static void Condition(FormCondition? condition, string at, IReadOnlySet<string> earlier, List<FieldError> errors)
    {
        if (condition is null)
        {
            return;
        }
        if (condition.Field is null && condition.All.Count == 0 && condition.Any.Count == 0)
        {
            errors.Add(new(at, "Forms.Definition.EmptyCondition"));
        }
        if (condition.Field is { } field)
        {
            if (!earlier.Contains(field))
            {
                errors.Add(new(at + ".field", "Forms.Definition.ConditionField", field));
            }
            if (!ConditionOperators.All.Contains(condition.Op ?? ""))
            {
                errors.Add(new(at + ".op", "Forms.Definition.ConditionOperator", condition.Op ?? "", string.Join(", ", ConditionOperators.All)));
            }
        }
        for (var i = 0; i < condition.All.Count; i++)
        {
            Condition(condition.All[i], $"{at}.all[{i}]", earlier, errors);
        }
        for (var i = 0; i < condition.Any.Count; i++)
        {
            Condition(condition.Any[i], $"{at}.any[{i}]", earlier, errors);
        }
    }

    private static void Text(LocalizedText? text, string at, bool publishing, List<FieldError> errors, bool required)
    {
        if (text is null || text.Values.Count == 0)
        {
            if (required)
            {
                errors.Add(new(at, "Forms.Definition.TextMissing"));
            }
            return;
        }
        if (text.Values.Any(v => v.Value.Length > 4000))
        {
            errors.Add(new(at, "Forms.Definition.TextTooLong", 4000));
        }
        if (publishing && (required || text.Values.Any(v => v.Value.Length > 0)))
        {
            foreach (var culture in PublishedCultures.Where(c => string.IsNullOrWhiteSpace(text.Exactly(c))))
            {
                errors.Add(new(at, "Forms.Definition.Untranslated", culture));
            }
        }
    }

    private static bool Compiles(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(50));
            return pattern.Length <= 500;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
