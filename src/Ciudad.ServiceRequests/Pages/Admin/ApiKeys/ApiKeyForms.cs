using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Ciudad.ServiceRequests.Open311;

namespace Ciudad.ServiceRequests.Pages.Admin.ApiKeys;

/// <summary>The limit as typed: text, so "abc" gets our own message rather than the model binder's.</summary>
internal class ApiKeyLimitForm
{
    [Required(ErrorMessage = "ApiKeys.Limit.Required")]
    [RegularExpression("^[0-9]{1,6}$", ErrorMessage = "ApiKeys.Limit.Invalid")]
    public string? RequestsPerMinute { get; set; }

    /// <summary>The parsed limit when it is in range; null otherwise.</summary>
    public int? Limit() =>
        int.TryParse(RequestsPerMinute, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
            && limit is >= 1 and <= ApiKeyService.MaxRequestsPerMinute ? limit : null;
}

internal sealed class ApiKeyIssueForm : ApiKeyLimitForm
{
    [Required(ErrorMessage = "ApiKeys.Name.Required")]
    [StringLength(ApiKeyService.MaxNameLength, ErrorMessage = "ApiKeys.Name.TooLong")]
    public string? Name { get; set; }
}
