using System.Globalization;
using System.Text;
using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Intake;

/// <summary>
/// Finds the service a resident means, whatever language they type in: names and keywords of
/// every language are searched, ignoring case and accents, because people in El Paso mix English
/// and Spanish and phones often leave accents out ("semaforo").
/// </summary>
internal sealed class ServiceFinder(CiudadDbContext db)
{
    /// <summary>Every active service in catalog order (small: a city has tens of services).</summary>
    public async Task<IReadOnlyList<Service>> ActiveServicesAsync(CancellationToken cancellationToken = default) =>
        await db.Services().AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Code)
            .ToListAsync(cancellationToken);

    public async Task<Service?> FindActiveAsync(string? code, CancellationToken cancellationToken = default) =>
        string.IsNullOrEmpty(code)
            ? null
            : await db.Services().AsNoTracking()
                .Include(s => s.Attributes.OrderBy(a => a.Order)).ThenInclude(a => a.Values.OrderBy(v => v.Order))
                .AsSplitQuery()
                .FirstOrDefaultAsync(s => s.Code == code && s.IsActive, cancellationToken);

    /// <summary>
    /// Services whose names or keywords (in either language) contain the most words of the query,
    /// each word on its own ("hoyo en la calle" is "hoyo" and "calle"): small words that say
    /// nothing about the problem are ignored, and only the services matching the most words are
    /// kept, so extra words narrow the list. Name matches first, then catalog order. An empty
    /// query, or one of only small words, finds nothing.
    /// </summary>
    public static IReadOnlyList<Service> Search(IEnumerable<Service> services, string? query)
    {
        var words = Fold(query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !SmallWords.Contains(w)).Distinct().ToArray();
        if (words.Length == 0)
        {
            return [];
        }
        var scored = services
            .Select(s => (Service: s, Names: Fold(s.Name.AllLanguages()), Keywords: Fold(s.Keywords.AllLanguages())))
            .Select(s => (s.Service, s.Names,
                Matches: words.Count(w => s.Names.Contains(w, StringComparison.Ordinal) || s.Keywords.Contains(w, StringComparison.Ordinal))))
            .Where(s => s.Matches > 0)
            .ToList();
        var best = scored.Count == 0 ? 0 : scored.Max(s => s.Matches);
        return scored.Where(s => s.Matches == best)
            .OrderByDescending(s => words.Count(w => s.Names.Contains(w, StringComparison.Ordinal)))
            .ThenBy(s => s.Service.SortOrder)
            .Select(s => s.Service)
            .ToList();
    }

    /// <summary>Articles, prepositions and the like in English and Spanish (folded): they match everything.</summary>
    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "in", "on", "at", "of", "to", "is", "are", "there", "my", "and", "or", "by", "near", "with", "it", "this", "that",
        "el", "la", "los", "las", "un", "una", "unos", "unas", "en", "de", "del", "al", "y", "o", "hay", "mi", "por", "con", "que", "se", "es", "esta", "este", "su",
    };

    /// <summary>Lower case, accents removed, punctuation turned into spaces: "Semáforo, luz" → "semaforo luz".</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return builder.ToString();
    }
}
