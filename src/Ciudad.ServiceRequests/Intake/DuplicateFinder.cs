using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Intake;

/// <summary>
/// Before a resident files a report, the open requests of the same service close by and recent
/// enough to be the same problem, so they can follow one instead of filing a duplicate.
/// </summary>
internal sealed class DuplicateFinder(CiudadDbContext db, IOptions<ServiceRequestsOptions> options, TimeProvider clock)
{
    public const int MaxSuggestions = 5;
    public const int ExcerptLength = 160;

    public async Task<IReadOnlyList<NearbyRequest>> FindAsync(string serviceCode, GeoPoint point, CancellationToken cancellationToken = default)
    {
        var radius = options.Value.DuplicateRadiusMeters;
        var since = clock.GetUtcNow().AddDays(-options.Value.DuplicateWindowDays);
        var (minLat, maxLat, minLon, maxLon) = point.BoxAround(radius);
        // The (service, open, requested) index narrows to one service's recent open work; the box
        // then keeps a few candidates, and the exact distance is measured here.
        var candidates = await db.Requests().AsNoTracking()
            // Only fully public services: answering "is there one within 150 m of this pin?" for a
            // coarsened service would let anyone walk a pin to the house its location hides.
            .Where(r => r.Service!.Code == serviceCode && r.Service.Sensitivity == Sensitivity.Public
                && r.IsOpen && r.RequestedAt >= since
                && r.Latitude >= minLat && r.Latitude <= maxLat
                && r.Longitude >= minLon && r.Longitude <= maxLon)
            .Select(r => new
            {
                r.Number,
                r.Status,
                r.RequestedAt,
                r.Description,
                Latitude = r.Latitude!.Value,
                Longitude = r.Longitude!.Value,
            })
            .ToListAsync(cancellationToken);
        return candidates
            .Select(c => (Candidate: c, Meters: point.MetersTo(new GeoPoint(c.Latitude, c.Longitude))))
            .Where(c => c.Meters <= radius)
            .OrderBy(c => c.Meters)
            .Take(MaxSuggestions)
            .Select(c => new NearbyRequest(
                c.Candidate.Number,
                c.Candidate.Status,
                c.Meters,
                c.Candidate.RequestedAt,
                Excerpt(c.Candidate.Description)))
            .ToList();
    }

    private static string Excerpt(string description)
    {
        var text = string.Join(' ', description.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= ExcerptLength ? text : text[..ExcerptLength].TrimEnd() + "…";
    }
}

/// <summary>
/// What a resident may see of a possible duplicate: nothing about who reported it. The distance is
/// kept unrounded; <see cref="Ciudad.Platform.Localization.Distances"/> rounds once, in the reader's units.
/// </summary>
internal sealed record NearbyRequest(string Number, RequestStatus Status, double? DistanceMeters, DateTimeOffset RequestedAt, string DescriptionExcerpt);
