using Ciudad.Platform.City;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Requests;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// Turns catalog entries and request rows into GeoReport records: times in city time with their
/// offset, absolute photo URLs, and the privacy rules (no reporter data ever; coarsened services
/// without address and with grid-cell coordinates).
/// </summary>
internal sealed class Open311Presenter(CityTime cityTime, IOptions<CityOptions> city, IOptions<ServiceRequestsOptions> options)
{
    private readonly string _baseUrl = city.Value.PublicBaseUrl.TrimEnd('/');

    public DateTimeOffset Local(DateTimeOffset instant) => cityTime.ToLocal(instant);

    public string Absolute(string path) => _baseUrl + path;

    public static Open311Record Service(Service service, string culture) => Open311Record.Of("service",
        ("service_code", service.Code),
        ("service_name", service.Name[culture]),
        ("description", service.Description[culture]),
        ("metadata", service.Attributes.Count > 0),
        ("type", "realtime"),
        ("keywords", Keywords(service, culture)),
        ("group", service.Group[culture]),
        // mySociety's list form of the group; FixMyStreet reads either.
        ("groups", new Open311List("groups", "group", [service.Group[culture]])));

    /// <summary>
    /// mySociety's flags first, then the service's search words: <c>private</c> for services whose
    /// reports are never public (FixMyStreet then hides its copies too), <c>inactive</c> for services
    /// that take no new reports. Ciudad has no staff-only services, so <c>staff</c> never appears.
    /// </summary>
    private static string Keywords(Service service, string culture)
    {
        var flags = new List<string>();
        if (service.Sensitivity == Sensitivity.Hidden)
        {
            flags.Add("private");
        }
        if (!service.IsActive)
        {
            flags.Add("inactive");
        }
        var words = service.Keywords[culture];
        return string.Join(", ", string.IsNullOrWhiteSpace(words) ? flags : [.. flags, words]);
    }

    public static Open311Record Definition(Service service, string culture) => Open311Record.Of("service_definition",
        ("service_code", service.Code),
        ("attributes", new Open311List("attributes", "attribute",
            [.. service.Attributes.OrderBy(a => a.Order).Select((a, i) => Attribute(a, i, culture))])));

    private static Open311Record Attribute(ServiceAttribute attribute, int index, string culture)
    {
        var fields = new List<KeyValuePair<string, object?>>
        {
            new("variable", attribute.IsVariable),
            new("code", attribute.Code),
            new("datatype", attribute.Datatype.Open311Name()),
            new("required", attribute.IsRequired),
            new("datatype_description", Blank(attribute.DatatypeDescription[culture])),
            // The spec counts from 1; stored orders may be sparse or start at 0.
            new("order", index + 1),
            new("description", attribute.Description[culture]),
        };
        if (attribute.IsList)
        {
            fields.Add(new("values", new Open311List("values", "value",
                [.. attribute.Values.OrderBy(v => v.Order).Select(v => Open311Record.Of("value", ("key", v.Key), ("name", v.Name[culture])))])));
        }
        return new Open311Record("attribute", fields);
    }

    /// <summary>One request; its service and department names were read in the caller's language by the query.</summary>
    public Open311Record Request(RequestListRow row, RequestExtensions? extensions)
    {
        var coarsened = row.Sensitivity == Sensitivity.CoarsenedLocation;
        var point = row.Latitude is { } lat && row.Longitude is { } lon ? new GeoPoint(lat, lon) : (GeoPoint?)null;
        if (coarsened && point is { } exact)
        {
            point = exact.Coarsen(options.Value.CoarsenMeters);
        }
        var fields = new List<KeyValuePair<string, object?>>
        {
            new("service_request_id", row.Number),
            new("status", row.Status.Open311Status()),
            new("status_notes", row.StatusNotes),
            new("service_name", row.ServiceName),
            new("service_code", row.ServiceCode),
            // A coarsened report's own words often name the house; like the tracking page, leave them out.
            // JSON has one spelling of "no description": "" (as mySociety's updates feed), never null.
            new("description", coarsened ? "" : row.Description),
            new("agency_responsible", row.DepartmentName),
            new("service_notice", null),
            new("requested_datetime", Local(row.RequestedAt)),
            // For closed requests GeoReport wants the close time here.
            new("updated_datetime", Local(row.Status.IsOpen() ? row.UpdatedAt : row.ClosedAt ?? row.UpdatedAt)),
            new("expected_datetime", row.ExpectedAt is { } expected ? Local(expected) : null),
            new("address", coarsened ? null : row.Address),
            new("address_id", coarsened ? null : row.AddressId),
            new("zipcode", coarsened ? null : row.Zipcode),
            new("lat", point?.Latitude),
            new("long", point?.Longitude),
            new("media_url", row.FirstPhotoId is { } photo ? Absolute(RequestLinks.Photo(row.Number, photo)) : null),
        };
        if (extensions is not null)
        {
            AddExtensions(fields, row, extensions, fullyPublic: row.Sensitivity == Sensitivity.Public);
        }
        return new Open311Record("request", fields);
    }

    /// <summary>
    /// Answers, photos and the reporter's reopen note are published only for fully public services:
    /// for coarsened ones they may name or show the house (and their photo links would answer 404).
    /// </summary>
    private void AddExtensions(List<KeyValuePair<string, object?>> fields, RequestListRow row, RequestExtensions extensions, bool fullyPublic)
    {
        fields.Add(new("extended_attributes", Open311Record.Of("extended_attributes",
            ("channel", row.Channel.ToString().ToLowerInvariant()),
            ("photos", new Open311List("photos", "photo", [.. (fullyPublic ? extensions.Photos[row.Id] : []).Select(id => (object?)Absolute(RequestLinks.Photo(row.Number, id)))])),
            ("duplicate", row.Status == RequestStatus.Duplicate || row.ParentRequestId is not null),
            ("parent_service_request_id", row.ParentRequestId is { } parent ? extensions.ParentNumbers.GetValueOrDefault(parent) : null))));
        fields.Add(new("attributes", new Open311List("attributes", "attribute",
            [.. (fullyPublic ? extensions.Answers[row.Id] : []).Select(a => Open311Record.Of("attribute", ("code", a.Code), ("value", a.Value)))])));
        fields.Add(new("notes", new Open311List("notes", "note",
            [.. extensions.Notes[row.Id].Select(n => Open311Record.Of("note",
                ("datetime", Local(n.At)),
                ("description", (fullyPublic || n.Kind != RequestEventKind.Reopened ? n.Note : null) ?? ""),
                ("type", NoteType(n.Kind)),
                ("status", n.Status.DetailedName())))])));
    }

    /// <summary>Snake case, like the rest of the wire format ("status_changed").</summary>
    public static string NoteType(RequestEventKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
