using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ciudad.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
