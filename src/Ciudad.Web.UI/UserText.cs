using Microsoft.AspNetCore.Html;

namespace Ciudad.Web.UI;

/// <summary>
/// Text that people typed (addresses, descriptions, notes, names), shown inside a
/// <c>&lt;bdi&gt;</c> so its direction is isolated: an Arabic or Hebrew street name, or a stray
/// right-to-left override stored before intake stripped them, can never reorder the number, status
/// or date beside it. Block text uses <c>dir="auto"</c> on its own element for the same effect.
/// </summary>
public static class UserText
{
    public static IHtmlContent Isolated(string? text) =>
        string.IsNullOrEmpty(text)
            ? HtmlString.Empty
            // Append encodes with the page's encoder when written, so Spanish stays readable in the source.
            : new HtmlContentBuilder(3).AppendHtml("<bdi>").Append(text).AppendHtml("</bdi>");
}
