using System.Globalization;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Triage;

/// <summary>A staff member's named queue filters; each person sees and deletes only their own.</summary>
internal sealed class SavedViewStore(CiudadDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public const int MaxQueryLength = 2000;

    public Task<List<SavedView>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        db.SavedViews().AsNoTracking().Where(v => v.UserId == userId).OrderBy(v => v.Name).ToListAsync(cancellationToken);

    /// <summary>Saves under <paramref name="name"/>; saving again under the same name replaces the filters.</summary>
    public async Task<Outcome> SaveAsync(string userId, string? name, string query, CancellationToken cancellationToken = default)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return Outcome.Invalid("ViewName", "Triage.Views.Name.Required");
        }
        if (name.Length > MaxNameLength)
        {
            return Outcome.Invalid("ViewName", "Triage.Views.Name.TooLong", MaxNameLength);
        }
        if (query.Length > MaxQueryLength)
        {
            return Outcome.Invalid("ViewName", "Triage.Views.TooLong");
        }
        var view = await db.SavedViews().FirstOrDefaultAsync(v => v.UserId == userId && v.Name == name, cancellationToken);
        if (view is null)
        {
            view = new SavedView { UserId = userId, Name = name, Query = query, CreatedAt = clock.GetUtcNow() };
            db.SavedViews().Add(view);
        }
        view.Query = query;
        audit.Record("servicerequests.view-saved", nameof(SavedView), name, null, new { view.Name, view.Query });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    public async Task<string?> DeleteAsync(string userId, int id, CancellationToken cancellationToken = default)
    {
        var view = await db.SavedViews().FirstOrDefaultAsync(v => v.Id == id && v.UserId == userId, cancellationToken);
        if (view is null)
        {
            return null;
        }
        db.SavedViews().Remove(view);
        audit.Record("servicerequests.view-deleted", nameof(SavedView), id.ToString(CultureInfo.InvariantCulture), new { view.Name, view.Query });
        await db.SaveChangesAsync(cancellationToken);
        return view.Name;
    }
}
