using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Ciudad.Platform.Localization;

/// <summary>
/// <see cref="IStringLocalizer"/> over the <see cref="StringCatalog"/>, in the request's UI culture.
/// One catalog serves every type: keys, not types, say where a string belongs.
/// </summary>
public sealed class CatalogStringLocalizer(StringCatalog catalog, ILogger logger) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var culture = StringCatalog.CurrentCulture;
            var found = catalog.TryGet(culture, name, out var value);
            if (!found)
            {
                logger.LogWarning("Missing string {Key} for culture {Culture}", name, culture);
            }
            return new LocalizedString(name, value, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var template = this[PluralRules.KeyFor(catalog, name, arguments)];
            var formatted = CatalogFormatting.Format(System.Globalization.CultureInfo.CurrentCulture, template.Value, arguments);
            return new LocalizedString(name, formatted, template.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.Keys(StringCatalog.CurrentCulture).Select(k => this[k]);
}

public sealed class CatalogStringLocalizerFactory(StringCatalog catalog, ILoggerFactory loggers) : IStringLocalizerFactory
{
    private readonly ILogger _logger = loggers.CreateLogger("Ciudad.Localization");

    public IStringLocalizer Create(Type resourceSource) => new CatalogStringLocalizer(catalog, _logger);

    public IStringLocalizer Create(string baseName, string location) => new CatalogStringLocalizer(catalog, _logger);
}
