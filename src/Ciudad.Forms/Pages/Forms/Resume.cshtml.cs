using Ciudad.Forms.Filling;
using Ciudad.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Forms.Pages.Forms;

/// <summary>
/// An emailed resume link: opens the draft in this browser and goes to the form's page, where
/// "Continue" picks up. An expired or unknown link says so and offers to start again.
/// </summary>
internal sealed class ResumeModel(FormDrafts drafts, CiudadDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string secret)
    {
        if (await drafts.ResumeAsync(secret, HttpContext.RequestAborted) is not var (draft, browserSecret))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var slug = await db.Forms().Where(f => f.Id == draft.FormId).Select(f => f.Slug).FirstAsync(HttpContext.RequestAborted);
        Response.Cookies.Append(FillingPageModel.DraftCookie, browserSecret, new CookieOptions
        {
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = $"/forms/{slug}",
            MaxAge = FormDrafts.Lifetime,
            IsEssential = true,
        });
        return Redirect($"/forms/{slug}");
    }
}
