using System.Net;
using System.Net.Sockets;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Ciudad.Testing;

/// <summary>A page as a person's browser would see it (without JavaScript).</summary>
public sealed class HtmlPage(HttpStatusCode status, Uri url, string html, IDocument document)
{
    public HttpStatusCode StatusCode { get; } = status;
    public Uri Url { get; } = url;
    public string Html { get; } = html;
    public IDocument Document { get; } = document;

    public string Title => Document.Title ?? "";
    public string H1 => Document.QuerySelector("h1")?.TextContent.Trim() ?? "";
    public string Text => Document.Body?.TextContent ?? "";

    public IElement? Find(string selector) => Document.QuerySelector(selector);
    public IHtmlCollection<IElement> FindAll(string selector) => Document.QuerySelectorAll(selector);

    /// <summary>Messages shown in the error summary at the top of a form.</summary>
    public IReadOnlyList<string> Errors =>
        [.. Document.QuerySelectorAll(".ciudad-error-summary li").Select(e => e.TextContent.Trim())];

    public override string ToString() => $"{(int)StatusCode} {Url} \"{H1}\"";
}

/// <summary>
/// A visitor: an HTTP client that keeps cookies, follows redirects like a browser, parses HTML and
/// submits forms with whatever hidden fields (antiforgery token) the page put in them.
/// </summary>
public sealed class WebSession : IDisposable
{
    private readonly HttpClient _client;
    private readonly HtmlParser _parser = new();

    /// <param name="fromAddress">
    /// A loopback address to connect from (127.0.0.2, 127.0.0.3, …): the app then sees a visitor at
    /// another address, as it would a different person on another network.
    /// </param>
    public WebSession(Uri baseAddress, string? acceptLanguage = null, string? fromAddress = null)
    {
        Cookies = new CookieContainer();
        var handler = new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true };
        if (fromAddress is not null)
        {
            var local = new IPEndPoint(IPAddress.Parse(fromAddress), 0);
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(local);
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        _client = new HttpClient(handler) { BaseAddress = baseAddress };
        if (acceptLanguage is not null)
        {
            _client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }
    }

    public CookieContainer Cookies { get; }
    public HttpClient Client => _client;

    public async Task<HtmlPage> GetAsync(string pathAndQuery) =>
        await FollowAsync(await _client.GetAsync(new Uri(pathAndQuery, UriKind.RelativeOrAbsolute)));

    /// <summary>
    /// Fills the page's form (the first one with a submit button, or <paramref name="formSelector"/>)
    /// with <paramref name="values"/> (by field name; for checkboxes and radios give the value to pick)
    /// and submits it, following the redirect that usually answers a POST.
    /// </summary>
    public async Task<HtmlPage> SubmitAsync(HtmlPage page, IDictionary<string, string>? values = null, string? formSelector = null, string? buttonText = null)
    {
        var form = (formSelector is null
                ? page.Document.QuerySelectorAll("main form").OfType<IHtmlFormElement>().FirstOrDefault(f => buttonText is null || HasButton(f, buttonText))
                : page.Document.QuerySelector(formSelector) as IHtmlFormElement)
            ?? throw new InvalidOperationException($"No matching form on {page}.");
        var fields = CollectFields(form, buttonText);
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        // A pressed button's formaction (asp-page-handler) replaces the form's action, as in a browser.
        var pressed = buttonText is null ? null : form.QuerySelectorAll("button[formaction]").FirstOrDefault(b => b.TextContent.Contains(buttonText, StringComparison.OrdinalIgnoreCase));
        var target = pressed?.GetAttribute("formaction") ?? form.GetAttribute("action");
        var action = string.IsNullOrEmpty(target) ? page.Url : new Uri(page.Url, target);
        using var content = new FormUrlEncodedContent(fields);
        return await FollowAsync(await _client.PostAsync(action, content));
    }

    /// <summary>Posts fields (names may repeat, as checkboxes send them) and follows the redirect that answers it.</summary>
    public async Task<HtmlPage> PostAndFollowAsync(Uri action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await FollowAsync(await _client.PostAsync(action, content));
    }

    /// <summary>Posts a multipart form (files) and follows the redirect that answers it.</summary>
    public async Task<HtmlPage> PostAndFollowAsync(Uri action, MultipartFormDataContent content) =>
        await FollowAsync(await _client.PostAsync(action, content));

    /// <summary>Posts raw fields (e.g. to prove a missing antiforgery token is refused).</summary>
    public async Task<HttpResponseMessage> PostRawAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await _client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static bool HasButton(IHtmlFormElement form, string text) =>
        form.QuerySelectorAll("button, input[type=submit]").Any(b => (b.TextContent + b.GetAttribute("value")).Contains(text, StringComparison.OrdinalIgnoreCase));

    private static List<KeyValuePair<string, string>> CollectFields(IHtmlFormElement form, string? buttonText)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) fields.Add(new(name, input.Value));
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file":
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
                case IHtmlButtonElement button when buttonText is not null && button.TextContent.Contains(buttonText, StringComparison.OrdinalIgnoreCase):
                    fields.Add(new(name, button.Value));
                    break;
            }
        }
        return fields;
    }

    private async Task<HtmlPage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10 && (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is not null; hops++)
        {
            var next = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location : new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location);
            response.Dispose();
            response = await _client.GetAsync(next);
        }
        using (response)
        {
            var html = await response.Content.ReadAsStringAsync();
            var document = await _parser.ParseDocumentAsync(html);
            return new HtmlPage(response.StatusCode, response.RequestMessage!.RequestUri!, html, document);
        }
    }

    public void Dispose() => _client.Dispose();
}
