using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Ciudad.Platform.City;
using Ciudad.Platform.Email;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Ciudad.Web.Pages.Admin.Mail;

/// <summary>One sent message: headers and text. Only links back to this site are made clickable.</summary>
public sealed partial class MessageModel(MailFolder folder, IOptions<EmailOptions> email, IOptions<CityOptions> city) : AdminPageModel
{
    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    public SentMessage Message { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken cancellationToken)
    {
        if (email.Value.Delivery == EmailDelivery.Smtp || !SentMail.IsSafeName(name))
        {
            return NotFound();
        }
        var message = await new SentMail(folder).ReadAsync(name, cancellationToken);
        if (message is null)
        {
            return NotFound();
        }
        Message = message;
        return Page();
    }

    /// <summary>
    /// The body, HTML-encoded, with links that start with the public base URL made clickable. Any
    /// other address stays text: a message could carry a link an administrator should not follow.
    /// </summary>
    public IHtmlContent BodyHtml()
    {
        var baseUrl = city.Value.PublicBaseUrl.TrimEnd('/');
        var text = Message.TextBody;
        var html = new StringBuilder();
        var last = 0;
        foreach (Match match in LinkPattern().Matches(text))
        {
            html.Append(HtmlEncoder.Default.Encode(text[last..match.Index]));
            var url = match.Value;
            var ours = url.Equals(baseUrl, StringComparison.OrdinalIgnoreCase)
                || url.StartsWith(baseUrl + "/", StringComparison.OrdinalIgnoreCase)
                || url.StartsWith(baseUrl + "?", StringComparison.OrdinalIgnoreCase);
            html.Append(ours
                ? $"<a class=\"usa-link\" href=\"{HtmlEncoder.Default.Encode(url)}\">{HtmlEncoder.Default.Encode(url)}</a>"
                : HtmlEncoder.Default.Encode(url));
            last = match.Index + match.Length;
        }
        html.Append(HtmlEncoder.Default.Encode(text[last..]));
        return new HtmlString(html.ToString());
    }
}
