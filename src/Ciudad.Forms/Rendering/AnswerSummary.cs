using System.Globalization;
using Ciudad.Forms.Pdf;

namespace Ciudad.Forms.Rendering;

/// <summary>One row of an answer summary: the question, the answer as the person reads it, and the answer's name (for change links and files).</summary>
internal sealed record AnswerRow(string Question, string? Answer, string Name, FieldType Type);

/// <summary>
/// The answers as "check your answers" and the reviewer read them: per shown page, a row per shown
/// question, groups item by item, each answer worded as the PDF copy words it.
/// </summary>
internal static class AnswerSummary
{
    public static IReadOnlyList<(FormPage Page, IReadOnlyList<AnswerRow> Rows)> Build(FormDefinition definition, FormAnswers answers, CultureInfo culture, Func<string, string> caption)
    {
        var shown = FormConditions.KeepShown(definition, answers);
        return [.. FormConditions.ShownPages(definition, shown).Select(page => (page, (IReadOnlyList<AnswerRow>)[.. Rows(page, shown, culture, caption)]))];
    }

    private static IEnumerable<AnswerRow> Rows(FormPage page, FormAnswers answers, CultureInfo culture, Func<string, string> caption)
    {
        foreach (var field in page.Fields.Where(f => f.Answers && FormConditions.Holds(f.ShowIf, answers)))
        {
            var label = field.Label.For(culture);
            if (field.Type == FieldType.Declaration)
            {
                yield return new(caption("Forms.Check.Signed"), answers[field.Key], field.Key, field.Type);
                continue;
            }
            if (field.Type != FieldType.Group)
            {
                yield return new(label, Join(AnswersPdf.Answer(field, answers, field.Key, culture, caption)), field.Key, field.Type);
                continue;
            }
            var count = answers.ItemCount(field.Key);
            if (count == 0)
            {
                yield return new(label, null, field.Key, field.Type);
            }
            for (var i = 0; i < count; i++)
            {
                var scope = FormConditions.ItemScope(field.Key, i);
                var parts = field.Fields.Where(f => f.Answers && FormConditions.Holds(f.ShowIf, answers, scope))
                    .Select(f => Join(AnswersPdf.Answer(f, answers, scope + f.Key, culture, caption)))
                    .Where(a => a is not null);
                yield return new(string.Format(culture, caption("Forms.Render.Item"), label, i + 1), string.Join("; ", parts), field.Key, field.Type);
            }
        }
    }

    private static string? Join(IReadOnlyList<string> lines) => lines.Count == 0 ? null : string.Join(", ", lines);
}
