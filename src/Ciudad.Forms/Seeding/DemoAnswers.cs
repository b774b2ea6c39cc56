using System.Globalization;

namespace Ciudad.Forms.Seeding;

/// <summary>
/// Plausible answers to any definition, for demo submissions and tests: every shown question
/// answered within its rules (options from its list, numbers in range, dates in range, El Paso
/// addresses), conditions followed page by page. Reproducible from the random source.
/// </summary>
internal static class DemoAnswers
{
    private static readonly (string Given, string Family)[] People =
    [
        ("María", "Hernández"), ("James", "Carter"), ("Guadalupe", "Ortiz"), ("Daniel", "Nguyen"), ("Sofía", "Ramírez"),
        ("Robert", "Chávez"), ("Alejandra", "Torres"), ("Michael", "Lee"), ("Verónica", "Muñoz"), ("Luis", "Delgado"),
    ];

    private static readonly string[] Streets = ["1200 N Mesa St", "300 N Campbell St", "5050 Alameda Ave", "8900 Dyer St", "10100 Montwood Dr", "2 Civic Center Plaza"];

    public static FormAnswers For(FormDefinition definition, Random random)
    {
        var answers = new FormAnswers();
        var person = People[random.Next(People.Length)];
        foreach (var page in definition.Pages)
        {
            if (!FormConditions.Holds(page.ShowIf, answers))
            {
                continue;
            }
            foreach (var field in page.Fields.Where(f => FormConditions.Holds(f.ShowIf, answers)))
            {
                Answer(field, "", answers, person, random);
            }
        }
        return FormConditions.KeepShown(definition, answers);
    }

    private static void Answer(FormField field, string scope, FormAnswers answers, (string Given, string Family) person, Random random)
    {
        var name = scope + field.Key;
        switch (field.Type)
        {
            case FieldType.Text:
                answers.Set(name, field.Pattern is { } pattern && PatternSample.For(pattern, random) is { } sample ? sample
                    : Fit(field, field.Prefill == "phone" ? "915-555-0100" : $"{person.Given} {person.Family}"));
                break;
            case FieldType.LongText:
                answers.Set(name, Fit(field, "Community gathering with music and food trucks; volunteers will clean up afterwards."));
                break;
            case FieldType.Number:
                var low = field.Min ?? 1;
                var high = Math.Max(low, field.Max ?? low + 200);
                answers.Set(name, ((int)(low + (decimal)random.NextDouble() * (high - low))).ToString(CultureInfo.InvariantCulture));
                break;
            case FieldType.Email:
                answers.Set(name, $"{Ascii(person.Given)}.{Ascii(person.Family)}@example.com".ToLowerInvariant());
                break;
            case FieldType.Phone:
                answers.Set(name, $"915-555-01{random.Next(10, 99)}");
                break;
            case FieldType.Date:
                var date = DateInRange(field, random);
                answers.Set($"{name}.{FormAnswers.Parts.Day}", date.Day.ToString(CultureInfo.InvariantCulture));
                answers.Set($"{name}.{FormAnswers.Parts.Month}", date.Month.ToString(CultureInfo.InvariantCulture));
                answers.Set($"{name}.{FormAnswers.Parts.Year}", date.Year.ToString(CultureInfo.InvariantCulture));
                break;
            case FieldType.Select or FieldType.Radios when field.Options.Count > 0:
                answers.Set(name, field.Options[random.Next(field.Options.Count)].Value);
                break;
            case FieldType.Checkboxes when field.Options.Count > 0:
                answers.Set(name, field.Options.Where((_, i) => i == 0 || random.Next(2) == 0).Select(o => o.Value));
                break;
            case FieldType.YesNo:
                answers.Set(name, random.Next(2) == 0 ? "yes" : "no");
                break;
            case FieldType.Address:
                answers.Set($"{name}.{FormAnswers.Parts.Line1}", Streets[random.Next(Streets.Length)]);
                answers.Set($"{name}.{FormAnswers.Parts.City}", "El Paso");
                answers.Set($"{name}.{FormAnswers.Parts.State}", "TX");
                answers.Set($"{name}.{FormAnswers.Parts.Zip}", $"799{random.Next(1, 40):00}");
                break;
            case FieldType.Name:
                answers.Set($"{name}.{FormAnswers.Parts.Given}", person.Given);
                answers.Set($"{name}.{FormAnswers.Parts.Family}", person.Family);
                break;
            case FieldType.Declaration:
                answers.Set(name, $"{person.Given} {person.Family}");
                break;
            case FieldType.Group:
                var items = Math.Min(field.MaxItems ?? 3, 1 + random.Next(2));
                for (var i = 0; i < items; i++)
                {
                    var itemScope = FormConditions.ItemScope(name, i);
                    foreach (var inner in field.Fields.Where(f => FormConditions.Holds(f.ShowIf, answers, itemScope)))
                    {
                        Answer(inner, itemScope, answers, People[random.Next(People.Length)], random);
                    }
                }
                break;
                // Files are not invented: a demo submission says no file was attached (file questions are optional in the demo forms or skipped).
        }
    }

    private static DateOnly DateInRange(FormField field, Random random)
    {
        static DateOnly FromNumber(decimal n) => new((int)(n / 10000), (int)(n / 100 % 100), (int)(n % 100));
        var from = field.Min is { } min ? FromNumber(min) : new DateOnly(1950, 1, 1);
        var to = field.Max is { } max ? FromNumber(max) : new DateOnly(2005, 12, 31);
        return from.AddDays(random.Next(Math.Max(1, to.DayNumber - from.DayNumber)));
    }

    private static string Fit(FormField field, string text)
    {
        var max = field.MaxLength ?? 500;
        text = text.Length > max ? text[..max] : text;
        return field.MinLength is { } min && text.Length < min ? text.PadRight(min, '.') : text;
    }

    private static string Ascii(string text) =>
        new([.. text.Normalize(System.Text.NormalizationForm.FormD).Where(c => char.IsAsciiLetter(c))]);
}

/// <summary>
/// A string matching a simple regular expression (literals, <c>[A-Z0-9]</c> classes, <c>\d</c>,
/// <c>{n}</c> and <c>{n,m}</c>), for demo answers to questions with a pattern; null for anything richer.
/// </summary>
internal static class PatternSample
{
    public static string? For(string pattern, Random random)
    {
        var result = new System.Text.StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            string choices;
            var c = pattern[i];
            if (c == '[')
            {
                var end = pattern.IndexOf(']', i);
                if (end < 0)
                {
                    return null;
                }
                choices = Expand(pattern[(i + 1)..end]);
                i = end + 1;
            }
            else if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] == 'd')
            {
                choices = "0123456789";
                i += 2;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '-' or ' ')
            {
                choices = c.ToString();
                i++;
            }
            else
            {
                return null;
            }
            var count = 1;
            if (i < pattern.Length && pattern[i] == '{')
            {
                var close = pattern.IndexOf('}', i);
                var bounds = close < 0 ? [] : pattern[(i + 1)..close].Split(',');
                if (bounds.Length is < 1 or > 2 || !int.TryParse(bounds[0], out count))
                {
                    return null;
                }
                i = close + 1;
            }
            if (choices.Length == 0)
            {
                return null;
            }
            for (var n = 0; n < count; n++)
            {
                result.Append(choices[random.Next(choices.Length)]);
            }
        }
        return result.ToString();
    }

    private static string Expand(string set)
    {
        var chars = new System.Text.StringBuilder();
        for (var i = 0; i < set.Length; i++)
        {
            if (i + 2 < set.Length && set[i + 1] == '-')
            {
                for (var c = set[i]; c <= set[i + 2]; c++)
                {
                    chars.Append(c);
                }
                i += 2;
            }
            else
            {
                chars.Append(set[i]);
            }
        }
        return chars.ToString();
    }
}
