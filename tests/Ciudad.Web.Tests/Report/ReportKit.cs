using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ImageMagick;

namespace Ciudad.Web.Tests.Report;

/// <summary>What the report journey tests share: a browser-like multipart post and test photos.</summary>
public static class ReportKit
{
    /// <summary>A file as a browser sends it from a file input.</summary>
    public sealed record Upload(string FieldName, string FileName, string ContentType, byte[] Content);

    /// <summary>
    /// Submits the page's multipart form as a browser does (hidden fields, antiforgery token, ticked
    /// boxes), with <paramref name="values"/> and <paramref name="files"/>, to <paramref name="handler"/>
    /// if given, and follows the redirect.
    /// </summary>
    public static async Task<HtmlPage> SubmitMultipartAsync(this WebSession session, HtmlPage page,
        IEnumerable<KeyValuePair<string, string>> values, IEnumerable<Upload> files, string? handler = null)
    {
        var form = page.Document.QuerySelectorAll("main form").OfType<IHtmlFormElement>()
            .First(f => f.Enctype == "multipart/form-data");
        var given = values.ToList();
        using var content = new MultipartFormDataContent();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || given.Any(v => v.Key == name))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } choice when choice.IsChecked:
                    content.Add(new StringContent(choice.Value), name);
                    break;
                case IHtmlInputElement { Type: "hidden" or "text" or "email" or "tel" or "date" or "time" or "search" } input:
                    content.Add(new StringContent(input.Value), name);
                    break;
                case IHtmlTextAreaElement area:
                    content.Add(new StringContent(area.Value), name);
                    break;
            }
        }
        foreach (var (name, value) in given)
        {
            content.Add(new StringContent(value), name);
        }
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(part, file.FieldName, file.FileName);
        }
        var action = new Uri(page.Url, "/report/details" + (handler is null ? "" : "?handler=" + handler));
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = content };
        // Over 1 MB, ask before sending the body, as curl does: the app refuses an oversized post
        // without reading it, and a client still writing megabytes into a connection the server has
        // answered and closed gets a broken pipe instead of the answer (seen on a busy machine).
        request.Headers.ExpectContinue = files.Sum(f => (long)f.Content.Length) > 1_000_000;
        var response = await session.Client.SendAsync(request);
        return await FollowAsync(session, response);
    }

    /// <summary>Posts form fields to a path with the page's antiforgery token (for posts no form on the page would make).</summary>
    public static async Task<HtmlPage> PostWithTokenAsync(this WebSession session, HtmlPage page, string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = page.Find("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await FollowAsync(session, await session.Client.PostAsync(new Uri(path, UriKind.Relative), content));
    }

    private static async Task<HtmlPage> FollowAsync(WebSession session, HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10 && (int)response.StatusCode is >= 300 and < 400; hops++)
        {
            var next = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            response.Dispose();
            response = await session.Client.GetAsync(next);
        }
        using (response)
        {
            var html = await response.Content.ReadAsStringAsync();
            var document = await new HtmlParser().ParseDocumentAsync(html);
            return new HtmlPage(response.StatusCode, response.RequestMessage!.RequestUri!, html, document);
        }
    }

    /// <summary>A phone photo: JPEG with GPS coordinates in its EXIF block.</summary>
    public static byte[] JpegWithGps(int width = 640, int height = 480)
    {
        using var image = new MagickImage(MagickColors.SteelBlue, (uint)width, (uint)height);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(31, 1), new Rational(45, 1), new Rational(3132, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "W");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(106, 1), new Rational(29, 1), new Rational(1284, 100)]);
        exif.SetValue(ExifTag.Make, "TestPhone");
        image.SetProfile(exif);
        return image.ToByteArray(MagickFormat.Jpeg);
    }
}
