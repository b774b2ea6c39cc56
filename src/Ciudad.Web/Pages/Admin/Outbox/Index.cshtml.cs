using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Outbox;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.Pages.Admin.Outbox;

/// <summary>Delivery health: counts by status and the dead-letter list, with retry.</summary>
public sealed class IndexModel(CiudadDbContext db, OutboxStore store, AuditLog audit, IStringLocalizer<Program> strings) : AdminPageModel
{
    public int Pending { get; private set; }
    public int Delivered { get; private set; }
    public int Dead { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int TotalPages => AdminDisplay.TotalPages(Dead);
    public IReadOnlyList<OutboxMessage> DeadMessages { get; private set; } = [];

    /// <summary>Ticked rows for "Retry selected".</summary>
    [BindProperty] public List<long> Selected { get; set; } = [];

    public Task OnGetAsync([FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default) =>
        LoadAsync(page, cancellationToken);

    /// <summary>One form serves both buttons: a row's own "Retry" posts its id as <paramref name="retry"/>.</summary>
    public async Task<IActionResult> OnPostRetryAsync(long? retry, [FromForm(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        var ids = retry is null ? Selected.Distinct().ToList() : [retry.Value];
        if (ids.Count == 0)
        {
            ModelState.AddModelError("", strings["Admin.Outbox.NoneSelected"]);
            await LoadAsync(page, cancellationToken);
            return Invalid();
        }
        var retried = 0;
        foreach (var id in ids)
        {
            var before = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id)
                .Select(m => new { m.Type, Status = m.Status.ToString(), m.Attempts, m.LastError }).FirstOrDefaultAsync(cancellationToken);
            if (before is not null && await store.RetryDeadAsync(id, cancellationToken))
            {
                audit.Record("outbox.retried", nameof(OutboxMessage), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    before, new { before.Type, Status = nameof(OutboxStatus.Pending), Attempts = 0 });
                retried++;
            }
        }
        if (retried == 0)
        {
            ModelState.AddModelError("", strings["Admin.Outbox.NothingToRetry"]);
            await LoadAsync(page, cancellationToken);
            return Invalid();
        }
        await db.SaveChangesAsync(cancellationToken);
        Confirmation = strings["Admin.Outbox.Retried", retried];
        // Not RedirectToPage(new { page }): "page" is the route value naming the page itself.
        return LocalRedirect("/Admin/Outbox?page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task LoadAsync(int page, CancellationToken cancellationToken)
    {
        var counts = await db.OutboxMessages.GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(OutboxStatus status) => counts.FirstOrDefault(c => c.Status == status)?.Count ?? 0;
        Pending = Count(OutboxStatus.Pending);
        Delivered = Count(OutboxStatus.Delivered);
        Dead = Count(OutboxStatus.Dead);
        PageNumber = AdminDisplay.ClampPage(page, Dead);
        DeadMessages = await db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Dead)
            .OrderByDescending(m => m.Id)
            .Skip((PageNumber - 1) * AdminDisplay.PageSize).Take(AdminDisplay.PageSize)
            .ToListAsync(cancellationToken);
    }
}
