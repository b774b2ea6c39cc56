using Ciudad.Forms.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ciudad.Forms.Pages.Staff.Forms;

/// <summary>The department inbox of form submissions: filter by status, form and assignee, search, sort, page.</summary>
internal sealed class IndexModel(SubmissionInbox inbox) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Form { get; set; }
    [BindProperty(SupportsGet = true)] public string? Assigned { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public InboxPage Inbox { get; private set; } = default!;

    public int PageCount => Math.Max(1, (Inbox.Total + InboxFilter.PageSize - 1) / InboxFilter.PageSize);

    public async Task OnGetAsync() =>
        Inbox = await inbox.ReadAsync(User, new InboxFilter(Status, Form, Assigned, Q, Sort, PageNumber), HttpContext.RequestAborted);

    public string PageUrl(int page) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Staff/Forms", new Dictionary<string, string?>
        {
            ["status"] = Status, ["form"] = Form, ["assigned"] = Assigned, ["q"] = Q, ["sort"] = Sort, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value)));
}
