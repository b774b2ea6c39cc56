using System.Globalization;
using Ciudad.Platform.City;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Intake;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Pages.Report;

/// <summary>
/// Moves a service's questions between the form (one input per Open311 datatype, date and time
/// apart) and stored answers (Open311 values: list keys, invariant numbers, ISO 8601 instants in
/// city time), and words <see cref="AnswerRules"/>' refusals around the question itself.
/// </summary>
internal sealed class AnswerForm(IStringLocalizer<ServiceRequestsModule> strings, IOptions<CityOptions> city)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "M/d/yyyy", "d/M/yyyy"];
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss", "h:mm tt", "h:mmtt", "h tt", "htt"];

    public static IEnumerable<ServiceAttribute> Questions(Service service) =>
        service.Attributes.Where(a => a.IsVariable).OrderBy(a => a.Order);

    public static string FieldName(ServiceAttribute attribute) => attribute.Datatype switch
    {
        AttributeDatatype.MultiValueList => $"Input.Choices[{attribute.Code}]",
        AttributeDatatype.Datetime => $"Input.Dates[{attribute.Code}]",
        _ => $"Input.Answers[{attribute.Code}]",
    };

    /// <summary>Every question has an entry, so the view's field expressions always find one.</summary>
    public static void EnsureKeys(Service service, DetailsInput input)
    {
        foreach (var attribute in Questions(service))
        {
            input.Answers.TryAdd(attribute.Code, null);
            input.Choices.TryAdd(attribute.Code, []);
            input.Dates.TryAdd(attribute.Code, null);
            input.Times.TryAdd(attribute.Code, null);
        }
    }

    public void Fill(Service service, IReadOnlyDictionary<string, List<string>> stored, DetailsInput input)
    {
        EnsureKeys(service, input);
        foreach (var attribute in Questions(service))
        {
            var values = stored.GetValueOrDefault(attribute.Code) ?? [];
            switch (attribute.Datatype)
            {
                case AttributeDatatype.MultiValueList:
                    input.Choices[attribute.Code] = [.. values];
                    break;
                case AttributeDatatype.Datetime when values.Count > 0
                    && DateTimeOffset.TryParse(values[0], CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant):
                    var local = TimeZoneInfo.ConvertTime(instant, city.Value.TimeZoneInfo);
                    input.Dates[attribute.Code] = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    input.Times[attribute.Code] = local.ToString("HH:mm", CultureInfo.InvariantCulture);
                    break;
                default:
                    input.Answers[attribute.Code] = values.FirstOrDefault();
                    break;
            }
        }
    }

    /// <summary>
    /// The answers to store. Problems go into <paramref name="modelState"/> under the field they
    /// concern; <paramref name="required"/> false only keeps what was typed (for "add photo").
    /// </summary>
    public Dictionary<string, List<string>> Read(Service service, DetailsInput input, ModelStateDictionary modelState, bool required)
    {
        var answers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var attribute in Questions(service))
        {
            var errorsBefore = modelState.ErrorCount;
            var values = attribute.Datatype switch
            {
                AttributeDatatype.MultiValueList => input.Choices.GetValueOrDefault(attribute.Code) ?? [],
                AttributeDatatype.Datetime => DateTimeValue(attribute, input, modelState),
                AttributeDatatype.Number => [NumberValue(input.Answers.GetValueOrDefault(attribute.Code))],
                _ => [input.Answers.GetValueOrDefault(attribute.Code) ?? ""],
            };
            var kept = AnswerRules.Normalize(attribute, values).ToList();
            if (required && modelState.ErrorCount == errorsBefore)
            {
                foreach (var error in AnswerRules.Check(attribute, kept).Take(1))
                {
                    modelState.AddModelError(FieldName(attribute), Message(attribute, error.Key));
                }
            }
            if (kept.Count > 0)
            {
                answers[attribute.Code] = kept;
            }
        }
        return answers;
    }

    /// <summary>What a stored answer says, in the visitor's language (list keys become their labels).</summary>
    public static string Display(ServiceAttribute attribute, IReadOnlyList<string> values, string culture, CityTime cityTime) =>
        attribute.Datatype switch
        {
            AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList => string.Join(", ",
                values.Select(v => attribute.Values.FirstOrDefault(x => x.Key == v)?.Name[culture] ?? v)),
            AttributeDatatype.Datetime when values.Count > 0
                && DateTimeOffset.TryParse(values[0], CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) =>
                Platform.Localization.Formats.Instant(instant, cityTime, culture),
            _ => string.Join(", ", values),
        };

    private string Message(ServiceAttribute attribute, string intakeKey)
    {
        var question = attribute.Description[ReportPageModel.Culture];
        return intakeKey switch
        {
            "Requests.Intake.AnswerRequired" when attribute.IsList => strings["Report.Details.Answer.Choose", question],
            "Requests.Intake.AnswerRequired" => strings["Report.Details.Answer.Required", question],
            "Requests.Intake.AnswerNumber" => strings["Report.Details.Answer.Number", question],
            "Requests.Intake.AnswerTooLong" => strings["Report.Details.Answer.TooLong", question,
                attribute.Datatype == AttributeDatatype.Text ? AnswerRules.MaxTextLength : AnswerRules.MaxStringLength],
            "Requests.Intake.AnswerDatetime" => strings["Report.Details.Answer.DateInvalid", question],
            _ => strings["Report.Details.Answer.NotInList", question],
        };
    }

    /// <summary>People write "2,5" as often as "2.5"; Open311 numbers use the dot.</summary>
    private static string NumberValue(string? typed)
    {
        var value = typed?.Trim() ?? "";
        return value.Contains(',', StringComparison.Ordinal) && !value.Contains('.', StringComparison.Ordinal)
            ? value.Replace(',', '.')
            : value;
    }

    private List<string> DateTimeValue(ServiceAttribute attribute, DetailsInput input, ModelStateDictionary modelState)
    {
        var dateText = input.Dates.GetValueOrDefault(attribute.Code)?.Trim();
        var timeText = input.Times.GetValueOrDefault(attribute.Code)?.Trim();
        if (string.IsNullOrEmpty(dateText) && string.IsNullOrEmpty(timeText))
        {
            return [];
        }
        var question = attribute.Description[ReportPageModel.Culture];
        var field = FieldName(attribute);
        if (string.IsNullOrEmpty(dateText))
        {
            modelState.AddModelError(field, strings["Report.Details.Answer.DateMissing", question]);
            return [];
        }
        if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            modelState.AddModelError(field, strings["Report.Details.Answer.DateInvalid", question]);
            return [];
        }
        if (string.IsNullOrEmpty(timeText))
        {
            modelState.AddModelError($"Input.Times[{attribute.Code}]", strings["Report.Details.Answer.TimeMissing", question]);
            return [];
        }
        if (!TimeOnly.TryParseExact(timeText.ToUpperInvariant().Replace(".", "", StringComparison.Ordinal), TimeFormats,
                CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var time))
        {
            modelState.AddModelError($"Input.Times[{attribute.Code}]", strings["Report.Details.Answer.TimeInvalid", question]);
            return [];
        }
        var local = date.ToDateTime(time);
        var instant = new DateTimeOffset(local, city.Value.TimeZoneInfo.GetUtcOffset(local));
        return [instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)];
    }
}
