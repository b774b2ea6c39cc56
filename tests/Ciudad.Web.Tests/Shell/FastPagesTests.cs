using System.IO.Compression;
using System.Net;

namespace Ciudad.Web.Tests.Shell;

/// <summary>
/// What makes pages fast on a phone, seen over HTTP: static files compressed and cached for a year
/// when fingerprinted, and a description for search results on every page in the reader's language.
/// </summary>
public sealed class FastPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task The_stylesheet_goes_out_compressed_and_fingerprinted_files_are_cached_for_a_year(TestDatabase db)
    {
        var app = await fixture.For(db);
        using var visitor = app.NewSession();
        var home = await visitor.GetAsync("/");
        var stylesheet = home.FindAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.Contains("uswds.min.css", StringComparison.Ordinal));
        Assert.Contains("?v=", stylesheet, StringComparison.Ordinal);

        using var plain = await GetAsync(visitor, stylesheet);
        using var brotli = await GetAsync(visitor, stylesheet, "br, gzip");
        using var gzip = await GetAsync(visitor, stylesheet, "gzip");

        var plainBytes = await plain.Content.ReadAsByteArrayAsync();
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal("text/css", brotli.Content.Headers.ContentType?.MediaType);
        var brotliBytes = await brotli.Content.ReadAsByteArrayAsync();
        Assert.True(brotliBytes.Length * 5 < plainBytes.Length, $"{brotliBytes.Length} bytes compressed from {plainBytes.Length}");
        Assert.Equal(plainBytes, Decompress(new BrotliStream(new MemoryStream(brotliBytes), CompressionMode.Decompress)));
        Assert.Equal(plainBytes, Decompress(new GZipStream(new MemoryStream(await gzip.Content.ReadAsByteArrayAsync()), CompressionMode.Decompress)));
        foreach (var response in new[] { plain, brotli, gzip })
        {
            Assert.True(response.Headers.CacheControl is { Public: true, MaxAge.TotalDays: 365 } && response.Headers.CacheControl.Extensions.Any(e => e.Name == "immutable"),
                $"Cache-Control: {response.Headers.CacheControl}");
        }

        using var again = new HttpRequestMessage(HttpMethod.Get, stylesheet);
        again.Headers.AcceptEncoding.ParseAdd("br");
        again.Headers.IfNoneMatch.Add(brotli.Headers.ETag!);
        using var notModified = await visitor.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Every_resident_page_has_a_description_in_the_readers_language(TestDatabase db)
    {
        var app = await fixture.For(db);
        using var english = app.NewSession();
        using var spanish = app.NewSession("es-MX");
        foreach (var path in new[] { "/", "/report", "/report/location?service=pothole", "/requests", "/requests/map", "/Accessibility" })
        {
            var inEnglish = Description(await english.GetAsync(path));
            var inSpanish = Description(await spanish.GetAsync(path));
            Assert.False(string.IsNullOrWhiteSpace(inEnglish), $"{path} has no description");
            Assert.False(string.IsNullOrWhiteSpace(inSpanish), $"{path} has no Spanish description");
            Assert.NotEqual(inEnglish, inSpanish);
        }
        Assert.Equal("Do your city business online, in English or Spanish, from any phone or computer.", Description(await english.GetAsync("/")));
    }

    private static string? Description(HtmlPage page) => page.Find("meta[name=description]")?.GetAttribute("content");

    private static async Task<HttpResponseMessage> GetAsync(WebSession visitor, string path, string? acceptEncoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        }
        var response = await visitor.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static byte[] Decompress(Stream compressed)
    {
        using (compressed)
        using (var plain = new MemoryStream())
        {
            compressed.CopyTo(plain);
            return plain.ToArray();
        }
    }
}
