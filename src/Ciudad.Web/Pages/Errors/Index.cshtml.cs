using System.Diagnostics;
using Ciudad.Platform.City;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Ciudad.Web.Pages.Errors;

/// <summary>
/// One page for every error status, in the visitor's language. Re-executed by the status-code and
/// exception middleware with the original method, so it answers any method and keeps the status.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel(IOptions<CityOptions> city) : PageModel
{
    private static readonly int[] Known = [400, 403, 404, 405, 429, 500];

    public string Kind { get; private set; } = "Generic";
    public string ContactEmail => city.Value.ContactEmail;
    public string? RequestId { get; private set; }

    public void OnGet(int code) => Prepare(code);

    public void OnPost(int code) => Prepare(code);

    private void Prepare(int code)
    {
        Kind = Known.Contains(code) ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Generic";
        if (code >= 500)
        {
            // A reference a resident can quote to the help desk; it matches the server's logs.
            RequestId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        }
        if (HttpContext.Response.StatusCode == StatusCodes.Status200OK && code is >= 400 and <= 599)
        {
            HttpContext.Response.StatusCode = code;
        }
    }
}
