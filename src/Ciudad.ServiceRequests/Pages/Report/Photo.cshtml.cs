using Ciudad.ServiceRequests.Intake;
using Microsoft.AspNetCore.Mvc;

namespace Ciudad.ServiceRequests.Pages.Report;

/// <summary>A photo of the visitor's own draft (processed JPEG), for the thumbnails on the details and check pages.</summary>
internal sealed class PhotoModel(ReportDrafts drafts) : ReportPageModel(drafts)
{
    public async Task<IActionResult> OnGetAsync(Guid id, bool thumbnail = false)
    {
        var draft = await LoadDraftAsync();
        var bytes = draft is null ? null : await Drafts.PhotoBytesAsync(draft, id, thumbnail, HttpContext.RequestAborted);
        if (bytes is null)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "private, no-store";
        return File(bytes, "image/jpeg");
    }
}
