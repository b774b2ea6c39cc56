using Ciudad.Platform.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Ciudad.Web.Pages.Admin.Mail;

/// <summary>"Sent mail": the messages the embedded default wrote to its pickup folder.</summary>
public sealed class IndexModel(MailFolder folder, IOptions<EmailOptions> email) : AdminPageModel
{
    public bool IsSmtp => email.Value.Delivery == EmailDelivery.Smtp;
    public string? SmtpHost => email.Value.SmtpHost;
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public int TotalPages => AdminDisplay.TotalPages(Total);
    public IReadOnlyList<SentMessage> Messages { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        if (IsSmtp)
        {
            return;
        }
        var mail = new SentMail(folder);
        var names = mail.Names();
        Total = names.Count;
        PageNumber = AdminDisplay.ClampPage(page, Total);
        var messages = new List<SentMessage>();
        // Only the shown page is parsed; the folder may hold thousands of messages.
        foreach (var name in names.Skip((PageNumber - 1) * AdminDisplay.PageSize).Take(AdminDisplay.PageSize))
        {
            if (await mail.ReadAsync(name, cancellationToken) is { } message)
            {
                messages.Add(message);
            }
        }
        Messages = messages;
    }
}
