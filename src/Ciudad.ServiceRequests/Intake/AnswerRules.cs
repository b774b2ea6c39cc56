using System.Globalization;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests.Catalog;

namespace Ciudad.ServiceRequests.Intake;

/// <summary>Checks answers against a service's questions (Open311 datatypes); shared by the web journey and the API.</summary>
internal static class AnswerRules
{
    public const int MaxStringLength = 500;
    public const int MaxTextLength = 4000;

    /// <summary>Errors for <paramref name="attribute"/>'s answer; empty when it is acceptable.</summary>
    public static IEnumerable<FieldError> Check(ServiceAttribute attribute, IReadOnlyList<string>? values)
    {
        if (!attribute.IsVariable)
        {
            yield break;
        }
        var given = (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        if (given.Count == 0)
        {
            if (attribute.IsRequired)
            {
                yield return new FieldError(attribute.Code, "Requests.Intake.AnswerRequired", attribute.Code);
            }
            yield break;
        }
        if (attribute.Datatype != AttributeDatatype.MultiValueList && given.Count > 1)
        {
            yield return new FieldError(attribute.Code, "Requests.Intake.AnswerSingle", attribute.Code);
            yield break;
        }
        var value = given[0];
        switch (attribute.Datatype)
        {
            case AttributeDatatype.String when value.Length > MaxStringLength:
            case AttributeDatatype.Text when value.Length > MaxTextLength:
                yield return new FieldError(attribute.Code, "Requests.Intake.AnswerTooLong", attribute.Code);
                break;
            case AttributeDatatype.Number when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number):
                yield return new FieldError(attribute.Code, "Requests.Intake.AnswerNumber", attribute.Code);
                break;
            case AttributeDatatype.Datetime when !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out _):
                yield return new FieldError(attribute.Code, "Requests.Intake.AnswerDatetime", attribute.Code);
                break;
            case AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList:
                var keys = attribute.Values.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
                if (given.Any(v => !keys.Contains(v)))
                {
                    yield return new FieldError(attribute.Code, "Requests.Intake.AnswerNotInList", attribute.Code);
                }
                break;
        }
    }

    /// <summary>The values to store: trimmed, non-empty, distinct, and nothing for informational attributes.</summary>
    public static IEnumerable<string> Normalize(ServiceAttribute attribute, IReadOnlyList<string>? values) =>
        !attribute.IsVariable
            ? []
            : (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal);
}
