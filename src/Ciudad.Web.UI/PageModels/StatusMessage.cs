namespace Ciudad.Web.UI;

/// <summary>The one-shot message <c>_StatusMessage.cshtml</c> shows after a redirect (a string catalog key in TempData).</summary>
public static class StatusMessage
{
    public const string TempDataKey = "Ciudad.Status";
}
