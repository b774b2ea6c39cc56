using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Ciudad.Platform.Outcomes;

namespace Ciudad.Forms;

/// <summary>
/// Checks the answers of one page (or the whole form, before it is submitted) against the
/// definition's rules. Each error names the input it belongs to (<c>key</c> or <c>key.part</c>), a
/// string-catalog key and the field's label in the person's language, so the page links the error
/// summary to the right box. Hidden pages and fields are never checked.
/// </summary>
public static partial class AnswerValidator
{
    /// <summary>Our own fixed pattern: linear, so no timeout (a busy machine must not turn a ZIP code into an error).</summary>
    [GeneratedRegex(@"^\d{5}(-\d{4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex ZipCode();

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(50);

    public static IReadOnlyList<FieldError> ValidatePage(FormPage page, FormAnswers answers, CultureInfo culture)
    {
        var errors = new List<FieldError>();
        foreach (var field in page.Fields.Where(f => FormConditions.Holds(f.ShowIf, answers)))
        {
            Validate(field, "", answers, culture, errors);
        }
        return errors;
    }

    /// <summary>Every shown page, in order: what a submission must pass.</summary>
    public static IReadOnlyList<FieldError> ValidateForm(FormDefinition definition, FormAnswers answers, CultureInfo culture) =>
        [.. FormConditions.ShownPages(definition, answers).SelectMany(p => ValidatePage(p, answers, culture))];

    private static void Validate(FormField field, string scope, FormAnswers answers, CultureInfo culture, List<FieldError> errors)
    {
        var name = scope + field.Key;
        var label = field.Label.For(culture);
        switch (field.Type)
        {
            case FieldType.Content:
                return;
            case FieldType.Address:
                ValidateAddress(field, name, label, answers, errors);
                return;
            case FieldType.Name:
                RequireParts(field, name, label, answers, errors, FormAnswers.Parts.Given, FormAnswers.Parts.Family);
                LengthOf(name + "." + FormAnswers.Parts.Given, label, answers, 100, errors);
                LengthOf(name + "." + FormAnswers.Parts.Family, label, answers, 100, errors);
                return;
            case FieldType.Date:
                ValidateDate(field, name, label, answers, errors);
                return;
            case FieldType.Group:
                ValidateGroup(field, name, label, answers, culture, errors);
                return;
        }

        var values = answers.All(name);
        if (values.Count == 0)
        {
            if (field.Required)
            {
                errors.Add(new(name, field.Type switch
                {
                    FieldType.Select or FieldType.Radios or FieldType.YesNo => "Forms.Error.Choose",
                    FieldType.Checkboxes => "Forms.Error.ChooseAtLeastOne",
                    FieldType.File => "Forms.Error.FileRequired",
                    FieldType.Declaration => "Forms.Error.Declaration",
                    _ => "Forms.Error.Required",
                }, label));
            }
            return;
        }

        var value = values[0];
        switch (field.Type)
        {
            case FieldType.Text or FieldType.LongText or FieldType.Declaration:
                ValidateText(field, name, label, value, culture, errors);
                break;
            case FieldType.Email:
                if (value.Length > 254 || !MailAddress.TryCreate(value, out var address) || address.Address != value || !value.Contains('.', StringComparison.Ordinal))
                {
                    errors.Add(new(name, "Forms.Error.Email", label));
                }
                break;
            case FieldType.Phone:
                var digits = value.Count(char.IsAsciiDigit);
                if (digits < 10 || digits > 15 || value.Any(c => !char.IsAsciiDigit(c) && " ()-+.".IndexOf(c) < 0))
                {
                    errors.Add(new(name, "Forms.Error.Phone", label));
                }
                break;
            case FieldType.Number:
                ValidateNumber(field, name, label, value, errors);
                break;
            case FieldType.Select or FieldType.Radios:
                if (values.Count > 1 || !field.Options.Any(o => o.Value == value))
                {
                    errors.Add(new(name, "Forms.Error.NotAnOption", label));
                }
                break;
            case FieldType.Checkboxes:
                if (values.Any(v => !field.Options.Any(o => o.Value == v)))
                {
                    errors.Add(new(name, "Forms.Error.NotAnOption", label));
                }
                break;
            case FieldType.YesNo:
                if (values.Count > 1 || value is not ("yes" or "no"))
                {
                    errors.Add(new(name, "Forms.Error.NotAnOption", label));
                }
                break;
        }
    }

    private static void ValidateText(FormField field, string name, string label, string value, CultureInfo culture, List<FieldError> errors)
    {
        var max = field.MaxLength ?? (field.Type == FieldType.LongText ? 10_000 : 500);
        if (value.Length > max)
        {
            errors.Add(new(name, "Forms.Error.TooLong", label, max));
        }
        else if (field.MinLength is { } min && value.Length < min)
        {
            errors.Add(new(name, "Forms.Error.TooShort", label, min));
        }
        else if (field.Pattern is { Length: > 0 } pattern && !Matches(pattern, value))
        {
            errors.Add(field.PatternMessage is { } message
                ? new(name, "Forms.Error.Custom", message.For(culture))
                : new(name, "Forms.Error.Pattern", label));
        }
    }

    private static bool Matches(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, "^(?:" + pattern + ")$", RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static void ValidateNumber(FormField field, string name, string label, string value, List<FieldError> errors)
    {
        if (FormConditions.Number(value) is not { } number)
        {
            errors.Add(new(name, "Forms.Error.Number", label));
        }
        else if (field.Min is { } min && number < min)
        {
            errors.Add(new(name, "Forms.Error.TooSmall", label, min));
        }
        else if (field.Max is { } max && number > max)
        {
            errors.Add(new(name, "Forms.Error.TooLarge", label, max));
        }
    }

    private static void ValidateAddress(FormField field, string name, string label, FormAnswers answers, List<FieldError> errors)
    {
        RequireParts(field, name, label, answers, errors, FormAnswers.Parts.Line1, FormAnswers.Parts.City, FormAnswers.Parts.State, FormAnswers.Parts.Zip);
        foreach (var part in new[] { FormAnswers.Parts.Line1, FormAnswers.Parts.Line2, FormAnswers.Parts.City })
        {
            LengthOf($"{name}.{part}", label, answers, 200, errors);
        }
        var state = answers[$"{name}.{FormAnswers.Parts.State}"];
        if (state.Length > 0 && !UsStates.Codes.Contains(state.ToUpperInvariant()))
        {
            errors.Add(new($"{name}.{FormAnswers.Parts.State}", "Forms.Error.State", label));
        }
        var zip = answers[$"{name}.{FormAnswers.Parts.Zip}"];
        if (zip.Length > 0 && !ZipCode().IsMatch(zip))
        {
            errors.Add(new($"{name}.{FormAnswers.Parts.Zip}", "Forms.Error.Zip", label));
        }
    }

    private static void ValidateDate(FormField field, string name, string label, FormAnswers answers, List<FieldError> errors)
    {
        string Part(string part) => answers[$"{name}.{part}"];
        var (day, month, year) = (Part(FormAnswers.Parts.Day), Part(FormAnswers.Parts.Month), Part(FormAnswers.Parts.Year));
        if (day.Length + month.Length + year.Length == 0)
        {
            if (field.Required)
            {
                errors.Add(new($"{name}.{FormAnswers.Parts.Month}", "Forms.Error.Required", label));
            }
            return;
        }
        if (AsDate(day, month, year) is not { } date)
        {
            // Point at the box to fix: a month that is no month, else a day the month does not have, else the year.
            var first = !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12 ? FormAnswers.Parts.Month
                : !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d < 1 || d > DateTime.DaysInMonth(2000, m)
                    || (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1 and <= 9999 && d > DateTime.DaysInMonth(y, m))
                    ? FormAnswers.Parts.Day
                    : FormAnswers.Parts.Year;
            errors.Add(new($"{name}.{first}", "Forms.Error.Date", label));
            return;
        }
        var asNumber = date.Year * 10000 + date.Month * 100 + date.Day;
        if (field.Min is { } min && asNumber < min)
        {
            errors.Add(new($"{name}.{FormAnswers.Parts.Month}", "Forms.Error.DateTooEarly", label));
        }
        else if (field.Max is { } max && asNumber > max)
        {
            errors.Add(new($"{name}.{FormAnswers.Parts.Month}", "Forms.Error.DateTooLate", label));
        }
    }

    /// <summary>A real calendar date from the three boxes (year with four digits), or null.</summary>
    public static DateOnly? AsDate(string day, string month, string year) =>
        int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
        && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
        && year.Length == 4 && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
        && y >= 1850 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;

    private static void ValidateGroup(FormField group, string name, string label, FormAnswers answers, CultureInfo culture, List<FieldError> errors)
    {
        var count = answers.ItemCount(name);
        if (count == 0 && group.Required)
        {
            errors.Add(new(name, "Forms.Error.GroupRequired", label));
        }
        if (group.MaxItems is { } max && count > max)
        {
            errors.Add(new(name, "Forms.Error.TooManyItems", label, max));
        }
        for (var i = 0; i < Math.Min(count, group.MaxItems ?? 50); i++)
        {
            var scope = FormConditions.ItemScope(name, i);
            foreach (var inner in group.Fields.Where(f => FormConditions.Holds(f.ShowIf, answers, scope)))
            {
                Validate(inner, scope, answers, culture, errors);
            }
        }
    }

    private static void RequireParts(FormField field, string name, string label, FormAnswers answers, List<FieldError> errors, params string[] parts)
    {
        var anyGiven = FormAnswers.Parts.Of(field.Type).Any(p => answers.Has($"{name}.{p}"));
        if (!field.Required && !anyGiven)
        {
            return;
        }
        foreach (var part in parts.Where(p => !answers.Has($"{name}.{p}")))
        {
            errors.Add(new($"{name}.{part}", $"Forms.Error.Missing.{part}", label));
        }
    }

    private static void LengthOf(string name, string label, FormAnswers answers, int max, List<FieldError> errors)
    {
        if (answers[name].Length > max)
        {
            errors.Add(new(name, "Forms.Error.TooLong", label, max));
        }
    }
}

/// <summary>The two-letter codes of US states, DC and territories an address may name.</summary>
public static class UsStates
{
    public static IReadOnlySet<string> Codes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
        "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI",
        "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
    };
}
