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
    /// Services whose names or keywords (in either language) contain every word of the query;
    /// name matches first, then catalog order. An empty query finds nothing.
    /// </summary>
    public static IReadOnlyList<Service> Search(IEnumerable<Service> services, string? query)
    {
        var words = Fold(query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }
        return services
            .Select(s => (Service: s, Names: Fold(s.Name.AllLanguages()), Keywords: Fold(s.Keywords.AllLanguages())))
            .Where(s => words.All(w => s.Names.Contains(w, StringComparison.Ordinal) || s.Keywords.Contains(w, StringComparison.Ordinal)))
            .OrderByDescending(s => words.Count(w => s.Names.Contains(w, StringComparison.Ordinal)))
            .ThenBy(s => s.Service.SortOrder)
            .Select(s => s.Service)
            .ToList();
    }

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
