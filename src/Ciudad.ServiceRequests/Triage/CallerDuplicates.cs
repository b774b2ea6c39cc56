using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Triage;

/// <summary>
/// Duplicate suggestions for a report staff take from a caller. With a point, the same search
/// residents get (<see cref="DuplicateFinder"/>); a caller usually gives only an address, so open
/// requests of the same service at the same address (ignoring case and spacing) are suggested too.
/// </summary>
internal sealed class CallerDuplicates(CiudadDbContext db, DuplicateFinder nearby, IOptions<ServiceRequestsOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<NearbyRequest>> FindAsync(string serviceCode, GeoPoint? point, string? address, CancellationToken cancellationToken = default)
    {
        var found = point is { } p ? [.. await nearby.FindAsync(serviceCode, p, cancellationToken)] : new List<NearbyRequest>();
        var sameAddress = Normalized(address);
        if (sameAddress.Length == 0 || found.Count >= DuplicateFinder.MaxSuggestions)
        {
            return found;
        }
        var since = clock.GetUtcNow().AddDays(-options.Value.DuplicateWindowDays);
        // upper() on both sides, as the queue's search: case-insensitive on SQLite and PostgreSQL alike.
#pragma warning disable CA1304, CA1311, CA1862
        var atAddress = await db.Requests().AsNoTracking()
            .Where(r => r.Service!.Code == serviceCode && r.Service.Sensitivity == Sensitivity.Public
                && r.IsOpen && r.RequestedAt >= since && r.Address != null && r.Address.ToUpper() == sameAddress)
#pragma warning restore CA1304, CA1311, CA1862
            .OrderByDescending(r => r.RequestedAt)
            .Take(DuplicateFinder.MaxSuggestions)
            .Select(r => new NearbyRequest(r.Number, r.Status, null, r.RequestedAt, r.Description))
            .ToListAsync(cancellationToken);
        found.AddRange(atAddress.Where(a => found.All(f => f.Number != a.Number))
            .Select(a => a with { DescriptionExcerpt = Excerpt(a.DescriptionExcerpt) }));
        return [.. found.Take(DuplicateFinder.MaxSuggestions)];
    }

    private static string Normalized(string? address) =>
        string.Join(' ', (address ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static string Excerpt(string description)
    {
        var text = string.Join(' ', description.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= DuplicateFinder.ExcerptLength ? text : text[..DuplicateFinder.ExcerptLength].TrimEnd() + "…";
    }
}
