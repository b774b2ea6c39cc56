using System.Globalization;
using Ciudad.Platform.Text;

namespace Ciudad.Forms.Filling;

/// <summary>
/// Reads one page's answers from a posted form, by the names the renderer gave its inputs. Text
/// is cleaned of control characters like every other channel's. Files are not read here: the page
/// stores them first and records their address (<see cref="FormFiles"/>).
/// </summary>
internal static class PostedAnswers
{
    public static FormAnswers Read(FormPage page, IFormCollection form)
    {
        var answers = new FormAnswers();
        foreach (var field in page.Fields)
        {
            Read(field, "", "", form, answers);
        }
        return answers;
    }

    /// <summary>The answer names a page owns: what a post of the page replaces (files are kept unless replaced or removed).</summary>
    public static IEnumerable<string> OwnedNames(FormPage page) =>
        page.Fields.Where(f => f.Answers && f.Type != FieldType.File).Select(f => f.Key);

    private static void Read(FormField field, string postedScope, string storedScope, IFormCollection form, FormAnswers answers)
    {
        var posted = postedScope + field.Key;
        var stored = storedScope + field.Key;
        switch (field.Type)
        {
            case FieldType.Content or FieldType.File:
                return;
            case FieldType.Group:
                ReadGroup(field, posted, stored, form, answers);
                return;
        }
        var parts = FormAnswers.Parts.Of(field.Type);
        if (parts.Count > 0)
        {
            foreach (var part in parts)
            {
                answers.Set($"{stored}.{part}", Clean(form[$"{posted}.{part}"]));
            }
            return;
        }
        answers.Set(stored, Clean(form[posted]));
    }

    /// <summary>Items keep their order; an item left wholly empty is dropped and the others close up.</summary>
    private static void ReadGroup(FormField group, string posted, string stored, IFormCollection form, FormAnswers answers)
    {
        var prefix = posted + "[";
        var indexes = form.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => k.IndexOf(']', prefix.Length) is var end and > 0 && int.TryParse(k.AsSpan(prefix.Length, end - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < 1000 ? i : -1)
            .Where(i => i >= 0).Distinct().Order();
        var next = 0;
        foreach (var index in indexes)
        {
            var item = new FormAnswers();
            foreach (var inner in group.Fields)
            {
                Read(inner, FormConditions.ItemScope(posted, index), "", form, item);
            }
            if (item.Values.Count == 0)
            {
                continue;
            }
            var scope = FormConditions.ItemScope(stored, next++);
            foreach (var (key, values) in item.Values)
            {
                answers.Set(scope + key, values);
            }
        }
    }

    /// <summary>Takes item <paramref name="index"/> out of a group and closes up the ones after it.</summary>
    public static void RemoveItem(FormAnswers answers, string group, int index)
    {
        var count = answers.ItemCount(group);
        if (index < 0 || index >= count)
        {
            return;
        }
        var items = Enumerable.Range(0, count).Where(i => i != index).Select(i =>
        {
            var scope = FormConditions.ItemScope(group, i);
            return answers.Values.Where(v => v.Key.StartsWith(scope, StringComparison.Ordinal))
                .Select(v => (Key: v.Key[scope.Length..], v.Value)).ToList();
        }).ToList();
        answers.Remove(group);
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var (key, values) in items[i])
            {
                answers.Set(FormConditions.ItemScope(group, i) + key, values);
            }
        }
    }

    private static IEnumerable<string?> Clean(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Select(UntrustedText.Clean);
}
