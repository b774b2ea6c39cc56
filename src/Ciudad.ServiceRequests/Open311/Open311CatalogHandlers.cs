using Ciudad.Platform.City;
using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Open311;

/// <summary><c>discovery</c>, <c>services</c> and <c>services/{code}</c>.</summary>
internal sealed class Open311CatalogHandlers(
    CiudadDbContext db,
    Open311Presenter presenter,
    IOptions<Open311Options> options,
    IOptions<CityOptions> city)
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    public Open311Node Discovery()
    {
        var changeset = presenter.Local(options.Value.Changeset);
        var contact = $"{city.Value.NameEn} 311: call {city.Value.ContactPhone} or email {city.Value.ContactEmail}.";
        return Open311Record.Of("discovery",
            ("changeset", changeset),
            ("contact", contact),
            ("key_service", $"API keys for filing requests are issued by the city's 311 administrators: email {city.Value.ContactEmail}."),
            ("endpoints", new Open311List("endpoints", "endpoint",
            [
                Open311Record.Of("endpoint",
                    ("specification", Specification),
                    ("url", presenter.Absolute(Open311Endpoints.Base)),
                    ("changeset", changeset),
                    ("type", options.Value.EndpointType),
                    ("formats", new Open311List("formats", "format", [Open311Formats.XmlContentType.Split(';')[0], Open311Formats.JsonContentType.Split(';')[0]]))),
            ])));
    }

    /// <summary>
    /// Every service, hidden-sensitivity ones included (they can be reported, only not browsed), and
    /// inactive ones flagged <c>inactive</c> after the active ones: mySociety's clients then retire the
    /// category instead of deleting it, and a POST to one is a 400 that names it.
    /// </summary>
    public async Task<Open311Node> ServicesAsync(string culture, CancellationToken cancellationToken)
    {
        var services = await db.Services().AsNoTracking().Include(s => s.Attributes)
            .OrderByDescending(s => s.IsActive).ThenBy(s => s.SortOrder).ThenBy(s => s.Code).ToListAsync(cancellationToken);
        return new Open311List("services", "service", [.. services.Select(s => Open311Presenter.Service(s, culture))]);
    }

    public async Task<Open311Node> DefinitionAsync(string code, string culture, CancellationToken cancellationToken)
    {
        var service = await db.Services().AsNoTracking()
            .Include(s => s.Attributes).ThenInclude(a => a.Values)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Code == code && s.IsActive, cancellationToken)
            ?? throw Open311Problem.NotFound($"There is no service with service_code '{Open311Call.Truncate(code)}'. GET services for the list.");
        return Open311Presenter.Definition(service, culture);
    }
}
