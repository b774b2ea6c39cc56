using AngleSharp.Html.Dom;
using Ciudad.Forms.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Forms.Tests.Filling;

/// <summary>Fills a rendered form page as a browser would: its hidden fields and antiforgery token, plus the answers for the inputs it has.</summary>
internal static class FormFiller
{
    /// <summary>Posts the page's form with every answer whose name the page has an input for, pressing the button named <paramref name="button"/> when given.</summary>
    public static Task<HtmlPage> SubmitPageAsync(this WebSession session, HtmlPage page, FormAnswers answers, (string Name, string Value)? button = null)
    {
        var form = page.Document.QuerySelectorAll("main form[method=post]").OfType<IHtmlFormElement>().Last();
        var names = form.Elements.Select(e => e.GetAttribute("name")).Where(n => !string.IsNullOrEmpty(n)).ToHashSet();
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        foreach (var (name, values) in answers.Values.Where(a => names.Contains(a.Key)))
        {
            fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        }
        if (button is { } pressed)
        {
            fields.Add(new(pressed.Name, pressed.Value));
        }
        return session.PostAndFollowAsync(new Uri(page.Url, form.GetAttribute("action") ?? page.Url.PathAndQuery), fields);
    }

    public static Task<PublishedForm> PublishedAsync(this CiudadApp app, string slug) =>
        app.WithServicesAsync(async sp => (await sp.GetRequiredService<FormLibrary>().FindPublishedAsync(slug))!);

    /// <summary>Posts the page's form as multipart with one file chosen for <paramref name="field"/>, as a browser sends an upload.</summary>
    public static Task<HtmlPage> SubmitPageWithFileAsync(this WebSession session, HtmlPage page, FormAnswers answers, string field, string fileName, byte[] bytes)
    {
        var form = page.Document.QuerySelectorAll("main form[method=post]").OfType<IHtmlFormElement>().Last();
        var names = form.Elements.Select(e => e.GetAttribute("name")).Where(n => !string.IsNullOrEmpty(n)).ToHashSet();
        var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
        {
            content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        }
        foreach (var (name, values) in answers.Values.Where(a => names.Contains(a.Key)))
        {
            foreach (var value in values)
            {
                content.Add(new StringContent(value), name);
            }
        }
        content.Add(new ByteArrayContent(bytes), field, fileName);
        return session.PostAndFollowAsync(new Uri(page.Url, form.GetAttribute("action") ?? page.Url.PathAndQuery), content);
    }
}
