using System.Globalization;

namespace Ciudad.Forms;

/// <summary>Whether a condition holds, which pages and fields are shown, and dropping what is not.</summary>
public static class FormConditions
{
    public static bool Holds(FormCondition? condition, FormAnswers answers, string scope = "")
    {
        if (condition is null)
        {
            return true;
        }
        if (condition.All.Count > 0 && !condition.All.All(c => Holds(c, answers, scope)))
        {
            return false;
        }
        if (condition.Any.Count > 0 && !condition.Any.Any(c => Holds(c, answers, scope)))
        {
            return false;
        }
        return condition.Field is null || Compare(condition, Resolve(condition.Field, answers, scope));
    }

    /// <summary>The pages shown for these answers, in order.</summary>
    public static IEnumerable<FormPage> ShownPages(FormDefinition definition, FormAnswers answers) =>
        definition.Pages.Where(p => Holds(p.ShowIf, answers));

    /// <summary>
    /// The answers with everything not shown taken out (a hidden page's fields, a hidden field, a
    /// group's items past its last), so a changed earlier answer never leaves a stale later one.
    /// </summary>
    public static FormAnswers KeepShown(FormDefinition definition, FormAnswers answers)
    {
        var kept = answers.Copy();
        foreach (var page in definition.Pages)
        {
            var pageShown = Holds(page.ShowIf, kept);
            foreach (var field in page.Fields)
            {
                if (!pageShown || !Holds(field.ShowIf, kept))
                {
                    kept.Remove(field.Key);
                }
                else if (field.Type == FieldType.Group)
                {
                    var count = kept.ItemCount(field.Key);
                    for (var i = 0; i < count; i++)
                    {
                        foreach (var inner in field.Fields.Where(f => !Holds(f.ShowIf, kept, ItemScope(field.Key, i))))
                        {
                            kept.Remove(ItemScope(field.Key, i) + inner.Key);
                        }
                    }
                }
            }
        }
        return kept;
    }

    /// <summary>The prefix of an item's answer names: <c>household[2].</c>.</summary>
    public static string ItemScope(string group, int index) => $"{group}[{index.ToString(CultureInfo.InvariantCulture)}].";

    /// <summary>Inside a group item, a condition's field names its sibling first, then a form-level answer.</summary>
    private static IReadOnlyList<string> Resolve(string field, FormAnswers answers, string scope) =>
        scope.Length > 0 && answers.Values.ContainsKey(scope + field) ? answers.All(scope + field) : answers.All(field);

    private static bool Compare(FormCondition condition, IReadOnlyList<string> values)
    {
        var answered = values.Any(v => v.Length > 0);
        return condition.Op switch
        {
            ConditionOperators.Answered => answered,
            ConditionOperators.NotAnswered => !answered,
            ConditionOperators.EqualTo => values.Contains(condition.Value ?? "", StringComparer.OrdinalIgnoreCase),
            ConditionOperators.NotEqualTo => !values.Contains(condition.Value ?? "", StringComparer.OrdinalIgnoreCase),
            ConditionOperators.OneOf => values.Any(v => condition.Values.Contains(v, StringComparer.OrdinalIgnoreCase)),
            ConditionOperators.GreaterThan => Number(values) is { } n && Number(condition.Value) is { } limit && n > limit,
            ConditionOperators.LessThan => Number(values) is { } m && Number(condition.Value) is { } bound && m < bound,
            _ => false,
        };
    }

    internal static decimal? Number(IReadOnlyList<string> values) => values.Count > 0 ? Number(values[0]) : null;

    internal static decimal? Number(string? text) =>
        decimal.TryParse((text ?? "").Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;
}
