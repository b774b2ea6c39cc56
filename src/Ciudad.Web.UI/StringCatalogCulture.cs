using Ciudad.Platform.Localization;

namespace Ciudad.Web.UI;

/// <summary>The request's language as "en" or "es", for views.</summary>
public static class StringCatalogCulture
{
    public static string Current => StringCatalog.CurrentCulture;
}
