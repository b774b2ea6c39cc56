using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.Pages.Admin.Jobs;

/// <summary>Every scheduled job: its schedule, last and next run, failures; and "Run now".</summary>
public sealed class IndexModel(JobBoard board, CiudadDbContext db, AuditLog audit, IStringLocalizer<Program> strings) : AdminPageModel
{
    public IReadOnlyList<JobStatus> Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Jobs = await board.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostRunAsync(string? job, CancellationToken cancellationToken)
    {
        var result = await board.RunNowAsync(job ?? "", cancellationToken);
        if (result != RunNowResult.Requested)
        {
            ModelState.AddModelError("", strings[result == RunNowResult.Disabled ? "Admin.Jobs.IsDisabled" : "Admin.Jobs.Unknown"]);
            Jobs = await board.ListAsync(cancellationToken);
            return Invalid();
        }
        audit.Record("jobs.run-requested", "Job", job);
        await db.SaveChangesAsync(cancellationToken);
        Confirmation = strings["Admin.Jobs.Requested", job!];
        return LocalRedirect("/Admin/Jobs");
    }
}
