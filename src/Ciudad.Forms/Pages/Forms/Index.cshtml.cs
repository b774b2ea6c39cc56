using Ciudad.Forms.Catalog;
using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Forms.Pages.Forms;

internal sealed record FormListing(string Slug, string Title, string Purpose);

/// <summary>The city's forms anyone can fill in online, by department, with a search that reads both languages.</summary>
internal sealed class IndexModel(CiudadDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<(string Department, IReadOnlyList<FormListing> Forms)> Departments { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        var culture = StringCatalog.CurrentCulture;
        var forms = await db.Forms().AsNoTracking()
            .Where(f => f.Status == FormStatus.Published && f.Audience == FormAudience.Public)
            .Join(db.Set<Department>().AsNoTracking(), f => f.DepartmentId, d => d.Id, (f, d) => new { f.Slug, f.Title, f.Purpose, Department = d.Name })
            .ToListAsync(HttpContext.RequestAborted);
        var words = (Q ?? "").Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matching = forms.Where(f => words.All(w =>
            f.Title.AllLanguages().Contains(w, StringComparison.CurrentCultureIgnoreCase) ||
            f.Purpose.AllLanguages().Contains(w, StringComparison.CurrentCultureIgnoreCase)));
        Departments = [.. matching
            .GroupBy(f => f.Department.For(culture))
            .OrderBy(g => g.Key, StringComparer.CurrentCulture)
            .Select(g => (g.Key, (IReadOnlyList<FormListing>)[.. g.Select(f => new FormListing(f.Slug, f.Title.For(culture), f.Purpose.For(culture))).OrderBy(f => f.Title, StringComparer.CurrentCulture)]))];
        Total = Departments.Sum(d => d.Forms.Count);
    }
}
