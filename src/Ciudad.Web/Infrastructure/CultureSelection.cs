using System.Globalization;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Ciudad.Web.Infrastructure;

/// <summary>
/// Chooses the language of a request: the switch (a cookie), else the signed-in person's saved
/// preference, else the browser's Accept-Language, else English. Any Spanish variant ("es-MX")
/// means Spanish. Formatting uses the US conventions of each language (en-US, es-US).
/// </summary>
public sealed class CultureSelection : RequestCultureProvider
{
    public const string CookieName = "ciudad.lang";

    public static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("en-US"), CultureInfo.GetCultureInfo("es-US")];

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var chosen = FromCookie(httpContext) ?? FromAccount(httpContext) ?? FromBrowser(httpContext) ?? SupportedCultures.Default;
        var name = SupportedCultures.FormattingCulture(chosen).Name;
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(name, name));
    }

    private static string? FromCookie(HttpContext context) =>
        context.Request.Cookies.TryGetValue(CookieName, out var value) && SupportedCultures.IsSupported(value) ? value : null;

    private static string? FromAccount(HttpContext context)
    {
        var claim = context.User.FindFirst(CiudadClaims.Culture)?.Value;
        return SupportedCultures.IsSupported(claim) ? claim : null;
    }

    private static string? FromBrowser(HttpContext context)
    {
        var header = context.Request.Headers.AcceptLanguage.ToString();
        if (string.IsNullOrWhiteSpace(header) || !StringWithQualityHeaderValue.TryParseList(header.Split(','), out var languages))
        {
            return null;
        }
        return languages
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?[..Math.Min(2, l.Value.Value.Length)].ToLowerInvariant())
            .FirstOrDefault(SupportedCultures.IsSupported);
    }

    public static void Remember(HttpResponse response, string culture, bool secure) =>
        response.Cookies.Append(CookieName, SupportedCultures.Normalize(culture), new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            HttpOnly = true,
            Secure = secure,
            SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
            IsEssential = true, // a language choice is needed to use the site at all
        });
}
