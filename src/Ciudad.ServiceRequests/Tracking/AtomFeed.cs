using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Ciudad.Platform.City;
using Ciudad.Platform.Email;
using Ciudad.Platform.Localization;
using Ciudad.Platform.Text;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Requests;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Tracking;

/// <summary>
/// Atom 1.0 (RFC 4287) of recently changed public requests for a service and an area, so neighbours
/// and local news can subscribe. Entries carry only what the public list shows.
/// </summary>
internal sealed class AtomFeed(PublicRequests requests, StringCatalog strings, CityTime cityTime, CityGeography geography,
    Emails emails, IOptions<CityOptions> city, TimeProvider clock)
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public async Task<byte[]> RenderAsync(PublicRequestFilter filter, string culture, CancellationToken cancellationToken = default)
    {
        var entries = await requests.RecentlyUpdatedAsync(filter, cancellationToken);
        var query = filter.ToQueryString();
        var self = emails.Link($"/requests/feed.atom?{(query.Length == 0 ? "" : query + "&")}lang={culture}");
        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", culture),
            new XElement(Atom + "id", self),
            new XElement(Atom + "title", await TitleAsync(filter, culture, cancellationToken)),
            new XElement(Atom + "updated", Timestamp(entries.Count == 0 ? clock.GetUtcNow() : entries.Max(e => e.UpdatedAt))),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", self)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"),
                new XAttribute("href", emails.Link("/requests" + (query.Length == 0 ? "" : "?" + query)))),
            new XElement(Atom + "author", new XElement(Atom + "name", city.Value.Name(culture))),
            entries.Select(e => Entry(e, culture)));
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), WithoutNonXmlCharacters(feed)).Save(writer);
        }
        return stream.ToArray();
    }

    private XElement Entry(PublicRequestSummary request, string culture)
    {
        var link = emails.Link(RequestLinks.Track(request.Number));
        var status = strings.Get(culture, request.Status.LabelKey());
        var place = request.Location.Address ?? AreaName(request.Location.AreaCode, culture) ?? strings.Get(culture, "Track.Location.Unknown");
        return new XElement(Atom + "entry",
            new XElement(Atom + "id", link),
            new XElement(Atom + "title", strings.Format(culture, "Track.Feed.EntryTitle", request.ServiceName(culture), status, RequestNumbers.Format(request.Number))),
            new XElement(Atom + "updated", Timestamp(request.UpdatedAt)),
            new XElement(Atom + "published", Timestamp(request.RequestedAt)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", link)),
            new XElement(Atom + "summary", new XAttribute("type", "text"),
                strings.Format(culture, "Track.Feed.EntrySummary", status, place, Formats.Instant(request.RequestedAt, cityTime, culture))));
    }

    private async Task<string> TitleAsync(PublicRequestFilter filter, string culture, CancellationToken cancellationToken)
    {
        var title = strings.Format(culture, "Track.Feed.Title", city.Value.Name(culture));
        if (filter.Service is { } code)
        {
            var service = (await requests.PublicServicesAsync(culture, cancellationToken)).FirstOrDefault(s => s.Code == code);
            title += " · " + (service?.Name[culture] ?? code);
        }
        if (filter.Area is { } area)
        {
            title += " · " + (AreaName(area, culture) ?? area);
        }
        return title;
    }

    /// <summary>
    /// The feed's text comes from stored reports and from the query string: whatever either holds,
    /// a character XML cannot carry is dropped here rather than failing the whole feed.
    /// </summary>
    private static XElement WithoutNonXmlCharacters(XElement root)
    {
        foreach (var text in root.DescendantNodes().OfType<XText>())
        {
            text.Value = UntrustedText.ForXml(text.Value);
        }
        foreach (var attribute in root.DescendantsAndSelf().Attributes())
        {
            attribute.Value = UntrustedText.ForXml(attribute.Value);
        }
        return root;
    }

    private string? AreaName(string? code, string culture) => code is null ? null : geography.FindArea(code)?.Name(culture);

    private static string Timestamp(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
