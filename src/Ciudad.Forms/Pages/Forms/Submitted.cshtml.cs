using Ciudad.Forms.Catalog;
using Ciudad.Forms.Filling;
using Ciudad.Forms.Submissions;
using Ciudad.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ciudad.Forms.Pages.Forms;

/// <summary>The confirmation: the reference to quote, whether a receipt was emailed, the PDF copy and what happens next.</summary>
internal sealed class SubmittedModel(FormLibrary library, FormDrafts drafts, CiudadDbContext db, SubmitterLinks links, IStringLocalizer<FormsModule> strings)
    : FillingPageModel(library, drafts, strings)
{
    public Submission Submission { get; private set; } = default!;

    public string StatusUrl => links.Status(Submission.Reference);

    public string CopyUrl => links.Copy(Submission.Reference);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync(draftRequired: false) is { } elsewhere)
        {
            return elsewhere;
        }
        if (Draft?.SubmittedReference is not { } reference)
        {
            return Redirect(StartUrl);
        }
        Submission = await db.Submissions().AsNoTracking().FirstAsync(s => s.Reference == reference, HttpContext.RequestAborted);
        return Page();
    }
}
