using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Geo;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Addresses;

/// <summary>An address point offered to a resident (no personal data: the city's published addresses).</summary>
internal sealed record AddressSuggestion(string Label, string? Zipcode, GeoPoint Point);

/// <summary>Where an address-only report was placed, and how sure the match is.</summary>
internal sealed record AddressPlacement(AddressMatch Match, GeoPoint? Point, string? Label)
{
    public static AddressPlacement Unmatched { get; } = new(AddressMatch.Unmatched, null, null);
}

/// <summary>
/// The built-in address locator over the imported <see cref="AddressPoint"/>s. Every search first
/// narrows by house number in the database (an index, the same on SQLite and PostgreSQL), then
/// ranks the few hundred candidates here by how alike the street names are, so typos ("Mesa
/// Stret", "Msea St") still match without database extensions.
/// </summary>
internal sealed class AddressLocator(CiudadDbContext db)
{
    public const int MaxSuggestions = 8;

    /// <summary>Enough for every street with that house number in a large city.</summary>
    private const int MaxCandidates = 3000;

    /// <summary>Street names at least this alike are the same street with a typo.</summary>
    private const double ConfidentSimilarity = 0.75;

    /// <summary>Pins farther than this from every address point get no "near" address.</summary>
    public const int NearestWithinMeters = 60;

    /// <summary>Autocomplete: addresses that start like what was typed, best first.</summary>
    public async Task<IReadOnlyList<AddressSuggestion>> SuggestAsync(string? typed, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 200)
        {
            return [];
        }
        var query = AddressText.Parse(typed);
        if (query.Number is null || query.Name.Length == 0)
        {
            return []; // a house number and the start of a street: before that, any list would be noise
        }
        var first = query.Name[..1];
        var candidates = await db.AddressPoints().AsNoTracking()
            .Where(a => a.Number == query.Number || (a.Number.StartsWith(query.Number) && a.StreetName.StartsWith(first)))
            .Take(MaxCandidates)
            .ToListAsync(cancellationToken);
        return candidates
            .Select(a => (Point: a, Score: Score(query, a, prefix: true) + (a.Number == query.Number ? 0.1 : 0)))
            .Where(c => c.Score >= 0.6)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Point.Label, StringComparer.Ordinal)
            .DistinctBy(c => c.Point.Label)
            .Take(MaxSuggestions)
            .Select(c => new AddressSuggestion(c.Point.Label, c.Point.Zipcode, new GeoPoint(c.Point.Latitude, c.Point.Longitude)))
            .ToList();
    }

    /// <summary>
    /// The point of an address a resident typed, when one address point fits confidently: exact
    /// (same number and street, nothing contradicting) or fuzzy (a typo, a missing direction).
    /// Cross streets, unknown numbers and ties between far-apart streets are unmatched.
    /// </summary>
    public async Task<AddressPlacement> PlaceAsync(string? address, string? zipcode, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Length > 300)
        {
            return AddressPlacement.Unmatched;
        }
        var query = AddressText.Parse(address, zipcode);
        if (query.Number is null || query.Name.Length == 0)
        {
            return AddressPlacement.Unmatched;
        }
        var candidates = await db.AddressPoints().AsNoTracking()
            .Where(a => a.Number == query.Number)
            .Take(MaxCandidates)
            .ToListAsync(cancellationToken);
        var ranked = candidates
            .Select(a => (Point: a, Similarity: Similarity.Of(query.Name, a.StreetName), Score: Score(query, a, prefix: false)))
            .Where(c => c.Similarity >= ConfidentSimilarity)
            .OrderByDescending(c => c.Score)
            .ToList();
        if (ranked.Count == 0)
        {
            return AddressPlacement.Unmatched;
        }
        var best = ranked[0];
        var bestPoint = new GeoPoint(best.Point.Latitude, best.Point.Longitude);
        // "1200 Mesa" with both N Mesa and S Mesa in the city: two places, no way to choose.
        var rival = ranked.Skip(1).FirstOrDefault(c => c.Score >= best.Score - 0.05
            && bestPoint.MetersTo(new GeoPoint(c.Point.Latitude, c.Point.Longitude)) > 200);
        if (rival.Point is not null)
        {
            return AddressPlacement.Unmatched;
        }
        var exact = best.Point.StreetName == query.Name
            && Agrees(query.Direction, Direction(best.Point))
            && Agrees(query.Type, TypeOf(best.Point))
            && Agrees(query.Zipcode, best.Point.Zipcode);
        return new AddressPlacement(exact ? AddressMatch.Exact : AddressMatch.Fuzzy, bestPoint, best.Point.Label);
    }

    /// <summary>The address point nearest a pin, if one is within <see cref="NearestWithinMeters"/>.</summary>
    public async Task<string?> NearestAsync(GeoPoint pin, CancellationToken cancellationToken = default)
    {
        var (minLat, maxLat, minLon, maxLon) = pin.BoxAround(NearestWithinMeters);
        var near = await db.AddressPoints().AsNoTracking()
            .Where(a => a.Latitude >= minLat && a.Latitude <= maxLat && a.Longitude >= minLon && a.Longitude <= maxLon)
            .Select(a => new { a.Label, a.Latitude, a.Longitude })
            .Take(500)
            .ToListAsync(cancellationToken);
        return near
            .Select(a => (a.Label, Meters: pin.MetersTo(new GeoPoint(a.Latitude, a.Longitude))))
            .Where(a => a.Meters <= NearestWithinMeters)
            .OrderBy(a => a.Meters)
            .Select(a => a.Label)
            .FirstOrDefault();
    }

    /// <summary>Street-name likeness, nudged by what else was typed: a wrong direction or ZIP counts against.</summary>
    private static double Score(ParsedAddress query, AddressPoint point, bool prefix)
    {
        var score = prefix ? Similarity.OfPrefix(query.Name, point.StreetName) : Similarity.Of(query.Name, point.StreetName);
        score += Nudge(query.Direction, Direction(point), agree: 0.05, disagree: -0.3);
        score += Nudge(query.Type, TypeOf(point), agree: 0.05, disagree: -0.15);
        score += Nudge(query.Zipcode, point.Zipcode, agree: 0.05, disagree: -0.1);
        return score;
    }

    private static double Nudge(string? typed, string? known, double agree, double disagree) =>
        typed is null ? 0 : typed == known ? agree : disagree;

    private static bool Agrees(string? typed, string? known) => typed is null || typed == known;

    private static string? Direction(AddressPoint point) => AddressText.ParseStreet(point.StreetKey).Direction;

    private static string? TypeOf(AddressPoint point) => AddressText.ParseStreet(point.StreetKey).Type;
}
