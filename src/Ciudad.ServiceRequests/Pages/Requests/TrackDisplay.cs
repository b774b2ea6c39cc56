using System.Globalization;
using Ciudad.Platform.City;
using Ciudad.Platform.Identity;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Tracking;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Requests;

/// <summary>How the tracking pages word places, dates and statuses, so list, map, page and "My requests" agree.</summary>
internal static class TrackDisplay
{
    /// <summary>A calendar day in the city, e.g. "Nov 25, 2026" / "25 nov 2026".</summary>
    public static string Date(DateTimeOffset instant, CityTime city, string culture) =>
        city.ToLocal(instant).ToString(SupportedCultures.Normalize(culture) == SupportedCultures.Spanish ? "d MMM yyyy" : "MMM d, yyyy",
            SupportedCultures.FormattingCulture(culture));

    /// <summary>Machine-readable instant for a &lt;time datetime&gt; attribute.</summary>
    public static string Iso(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The address, or the area, with "approximate" where the service hides the exact place.</summary>
    public static string Place(PublicLocation location, CityGeography geography, IStringLocalizer strings, string culture)
    {
        var area = location.AreaCode is null ? null : geography.FindArea(location.AreaCode)?.Name(culture);
        if (location.IsCoarsened)
        {
            return area is null ? strings["Track.Location.Approximate"] : strings["Track.Location.ApproximateIn", area];
        }
        if (location.Address is not null)
        {
            return location.Address;
        }
        return area is null
            ? strings[location.Point is null ? "Track.Location.Unknown" : "Track.Location.OnMap"]
            : strings["Track.Location.InArea", area];
    }

    /// <summary>USWDS tag classes: closed requests read differently from open ones at a glance.</summary>
    public static string StatusClass(RequestStatus status) =>
        status.IsOpen() ? "usa-tag ciudad-status" : "usa-tag ciudad-status ciudad-status--closed";
}
