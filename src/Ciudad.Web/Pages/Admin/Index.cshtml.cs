using Ciudad.Platform.Data;
using Ciudad.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Web.Pages.Admin;

public sealed class IndexModel(CiudadDbContext db, TimeProvider clock) : AdminPageModel
{
    public int Departments { get; private set; }
    public int ActiveDepartments { get; private set; }
    public int Staff { get; private set; }
    public int PendingInvitations { get; private set; }
    public int DeadMessages { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Departments = await db.Departments.CountAsync(cancellationToken);
        ActiveDepartments = await db.Departments.CountAsync(d => d.IsActive, cancellationToken);
        Staff = await db.Users.CountAsync(u => u.IsStaff && !u.IsDeactivated, cancellationToken);
        PendingInvitations = await db.StaffInvitations.CountAsync(i => i.AcceptedAt == null && i.ExpiresAt > now, cancellationToken);
        DeadMessages = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Dead, cancellationToken);
    }
}
