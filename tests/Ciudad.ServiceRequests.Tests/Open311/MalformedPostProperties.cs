using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>One POST a client (or an attacker) might send: any content type, any bytes.</summary>
public sealed record RandomPost(string Format, string? ContentType, byte[] Body, string Shape)
{
    public override string ToString() => $"{Shape} .{Format} [{ContentType}] {Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300))}";
}

/// <summary>
/// Property: whatever is posted to <c>requests.{xml,json}</c> (random fields and values, broken
/// percent-encoding, huge values, wrong content types, random bytes as media), the answer is an
/// Open311 document in the requested format and never a 500 or the site's HTML error page.
/// </summary>
public sealed class MalformedPostProperties(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string[] FieldNames =
    [
        "api_key", "service_code", "lat", "long", "address_string", "address_id", "zipcode", "description", "email", "phone",
        "first_name", "last_name", "device_id", "account_id", "media_url", "jurisdiction_id", "locale",
        "attribute[size]", "attribute[in_lane]", "attribute[depth_inches]", "attribute[signal_problem][]", "attribute[seen_at]",
        "attribute[items_description]", "attribute[]", "attribute[[x]]", "attribute[size][][]", "attribute", "media",
    ];

    private static readonly string[] NastyValues =
    [
        "", " ", "\0", "a\0b", "\u0001\u001f", "<script>alert(1)</script>", "]]>", "&amp;", "NaN", "Infinity", "-0", "1e309",
        "31.7587", "-106.4869", "999", "pothole", "traffic-signal", "animal-bite", "bulky-item", "small", "dark", "yes",
        "2026-01-05T08:00:00-07:00", "0001-01-01", "ñandú 😀", "\uD800", "\uDFFF", "%", "%%", "%ZZ", "%C3%28", "a@b", "x@example.test",
        new string('9', 5000), new string('x', 4001), new string('y', 70_000), string.Concat(Enumerable.Repeat("0.", 3000)) + "1",
    ];

    private static readonly string[] WrongContentTypes =
    [
        "application/json", "text/plain", "text/xml", "multipart/form-data", "multipart/form-data; boundary=", "image/jpeg", ";;;",
        "application/x-www-form-urlencoded; charset=bogus", "application/x-www-form-urlencoded; charset=utf-16", "multipart/mixed; boundary=x",
    ];

    [Theory, BothDatabases]
    public async Task Random_and_malformed_posts_never_get_a_500_or_an_html_page(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync(requestsPerMinute: 100_000);
        var property = Prop.ForAll(Posts(key).ToArbitrary(), post => AnswerIsOpen311(app, post));
        // Off the test's synchronization context: FsCheck runs the property synchronously.
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property));
    }

    private static bool AnswerIsOpen311(CiudadApp app, RandomPost post)
    {
        using var content = new ByteArrayContent(post.Body);
        if (post.ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", post.ContentType);
        }
        var response = app.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/open311/v2/requests.{post.Format}") { Content = content }).GetAwaiter().GetResult();
        var status = (int)response.Status;
        if (status >= 500 || status is not (200 or 400 or 403 or 404 or 429))
        {
            throw new InvalidOperationException($"Unexpected status: {response}");
        }
        var expectedType = post.Format == "xml" ? Open311Kit.XmlContentType : Open311Kit.JsonContentType;
        if (response.ContentType != expectedType || response.Body.Contains("<html", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Not an Open311 {post.Format} answer: {response}");
        }
        // Parses, and has the spec's wrapper: requests on success, errors otherwise.
        if (post.Format == "xml")
        {
            var root = XDocument.Parse(response.Body).Root!;
            return root.Name.LocalName == (status == 200 ? "service_requests" : "errors");
        }
        var json = JsonDocument.Parse(response.Body).RootElement;
        return json.ValueKind == JsonValueKind.Array
            && (status == 200 || json.EnumerateArray().All(e => e.GetProperty("code").GetInt32() == status));
    }

    private static Gen<RandomPost> Posts(string key)
    {
        var format = Gen.Elements("xml", "json");
        var anyString = ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "");
        var value = Gen.Frequency((3, Gen.Elements(NastyValues)), (2, anyString));
        var name = Gen.Frequency((5, Gen.Elements(FieldNames)), (1, anyString));
        var fields =
            from pairs in (from n in name from v in value select KeyValuePair.Create(n, v)).ListOf()
            select pairs.ToList();
        // Most posts carry a real key and service so that they get past the door into validation and intake.
        var withBasics =
            from list in fields
            from include in Gen.Elements(true, true, true, false)
            from code in Gen.Elements("pothole", "traffic-signal", "graffiti", "bulky-item", "nope")
            select include ? [new("api_key", key), new("service_code", code), .. list] : list;
        var bytes = ArbMap.Default.GeneratorFor<byte[]>().Select(b => b ?? []);
        var contentTypes = Gen.Elements(WrongContentTypes.Select(c => (string?)c).Append(null).ToArray());
        var photoLike = from prefix in Gen.Elements(PhotoLikePrefixes) from rest in bytes select (byte[])[.. prefix, .. rest];

        // A valid report with a few fields overwritten by nasty values: reaches the intake and the database.
        var plausible =
            from overrides in (from n in Gen.Elements(FieldNames) from v in Gen.Elements(NastyValues) select KeyValuePair.Create(n, v)).ListOf()
            let names = overrides.Select(o => o.Key).ToHashSet()
            select (List<KeyValuePair<string, string>>)[.. Open311Kit.PotholeFields(key).Where(f => !names.Contains(f.Key)), .. overrides.Take(3)];

        var urlEncoded =
            from f in format from list in Gen.Frequency((1, withBasics), (1, plausible))
            select new RandomPost(f, "application/x-www-form-urlencoded; charset=utf-8", UrlEncode(list), "urlencoded");
        var brokenEncoding =
            from f in format from list in withBasics from junk in bytes
            select new RandomPost(f, "application/x-www-form-urlencoded", [.. UrlEncode(list), .. "&description=%ZZ%C3%28%00%"u8.ToArray(), .. junk], "broken encoding");
        var wrongType =
            from f in format from type in contentTypes from body in bytes
            select new RandomPost(f, type, body, "wrong content type");
        var multipart =
            from f in format from list in Gen.Frequency((1, withBasics), (1, plausible)) from media in photoLike.ListOf() from complete in Gen.Elements(true, true, false)
            select Multipart(f, list, [.. media], complete);
        return Gen.OneOf(urlEncoded, brokenEncoding, wrongType, multipart);
    }

    /// <summary>Magic numbers of the accepted formats, so random bodies also reach the image decoder.</summary>
    private static readonly byte[][] PhotoLikePrefixes =
    [
        [], [0xFF, 0xD8, 0xFF], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [.. "RIFF\0\0\0\0WEBP"u8], [.. "\0\0\0\u0018ftypheic"u8],
    ];

    private static byte[] UrlEncode(IEnumerable<KeyValuePair<string, string>> fields) =>
        Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => WebUtility.UrlEncode(f.Key) + "=" + WebUtility.UrlEncode(f.Value))));

    private static RandomPost Multipart(string format, List<KeyValuePair<string, string>> fields, IList<byte[]> media, bool complete)
    {
        const string boundary = "ciudad-property-boundary";
        using var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        foreach (var (name, value) in fields)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name.Replace("\"", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal)}\"\r\n\r\n{value}\r\n");
        }
        foreach (var file in media)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"media\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
            body.Write(file);
            Write("\r\n");
        }
        if (complete)
        {
            Write($"--{boundary}--\r\n");
        }
        var contentType = new MediaTypeHeaderValue("multipart/form-data");
        contentType.Parameters.Add(new NameValueHeaderValue("boundary", boundary));
        return new RandomPost(format, contentType.ToString(), body.ToArray(), complete ? "multipart" : "truncated multipart");
    }
}
