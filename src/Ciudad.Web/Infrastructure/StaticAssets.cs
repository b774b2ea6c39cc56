using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Ciudad.Web.Infrastructure;

/// <summary>
/// Static files for phones on slow links: stylesheets, scripts and SVGs go out compressed (Brotli,
/// else gzip), each compressed once at its best ratio and kept in memory (uswds.min.css is 527 KB
/// plain, about 50 KB in Brotli); files asked for with their content hash (asp-append-version's
/// <c>?v=</c>) are cached for a year, others for a day.
/// </summary>
public static class StaticAssets
{
    private const int FingerprintedSeconds = 365 * 24 * 60 * 60;
    private const int UnversionedSeconds = 24 * 60 * 60;

    private static readonly HashSet<string> Compressible = new(StringComparer.OrdinalIgnoreCase) { ".css", ".js", ".svg", ".json", ".map", ".txt" };
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>Compressed bodies by file, encoding and version (a changed file gets a new entry).</summary>
    private static readonly ConcurrentDictionary<(string Path, string Encoding, DateTimeOffset Modified, long Length), Lazy<byte[]>> Compressed = new();

    public static IApplicationBuilder UseCiudadStaticFiles(this IApplicationBuilder app)
    {
        var files = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        app.Use(async (context, next) =>
        {
            if (!await TryServeCompressedAsync(context, files))
            {
                await next(context);
            }
        });
        return app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = file => SetCaching(file.Context) });
    }

    private static void SetCaching(HttpContext context)
    {
        var seconds = context.Request.Query.ContainsKey("v") ? FingerprintedSeconds : UnversionedSeconds;
        context.Response.Headers.CacheControl = seconds == FingerprintedSeconds
            ? $"public, max-age={seconds}, immutable"
            : $"public, max-age={seconds}";
    }

    private static async Task<bool> TryServeCompressedAsync(HttpContext context, IFileProvider files)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            || !request.Path.HasValue
            || !Compressible.Contains(Path.GetExtension(request.Path.Value))
            || PreferredEncoding(request) is not { } encoding)
        {
            return false;
        }
        var file = files.GetFileInfo(request.Path.Value);
        if (!file.Exists || file.IsDirectory || !ContentTypes.TryGetContentType(file.Name, out var contentType))
        {
            return false;
        }
        var response = context.Response;
        var etag = new EntityTagHeaderValue($"\"{file.LastModified.UtcTicks:x}-{file.Length:x}-{encoding}\"");
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.ETag = etag.ToString();
        SetCaching(context);
        if (request.Headers.IfNoneMatch.Any(value => value is not null && value.Contains(etag.Tag.Value!, StringComparison.Ordinal)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }
        var body = Compressed.GetOrAdd((request.Path.Value, encoding, file.LastModified, file.Length),
            _ => new Lazy<byte[]>(() => Compress(file, encoding))).Value;
        response.ContentType = contentType;
        response.Headers.ContentEncoding = encoding;
        response.ContentLength = body.Length;
        if (HttpMethods.IsGet(request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
        return true;
    }

    private static string? PreferredEncoding(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        bool Accepts(string name) => accepted.Any(e => e.Value.Equals(name, StringComparison.OrdinalIgnoreCase) && (e.Quality ?? 1) > 0);
        return Accepts("br") ? "br" : Accepts("gzip") ? "gzip" : null;
    }

    private static byte[] Compress(IFileInfo file, string encoding)
    {
        using var input = file.CreateReadStream();
        using var plain = new MemoryStream();
        input.CopyTo(plain);
        if (encoding == "br")
        {
            // Quality 9: within a few per cent of the smallest, in a fraction of quality 11's time.
            var brotli = new byte[BrotliEncoder.GetMaxCompressedLength((int)plain.Length)];
            BrotliEncoder.TryCompress(plain.GetBuffer().AsSpan(0, (int)plain.Length), brotli, out var written, quality: 9, window: 22);
            return brotli[..written];
        }
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            plain.Position = 0;
            plain.CopyTo(gzip);
        }
        return output.ToArray();
    }
}
