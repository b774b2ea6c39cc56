using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using Ciudad.ServiceRequests.Open311;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>An Open311 answer as a client receives it.</summary>
public sealed record Open311Response(HttpStatusCode Status, string? ContentType, string Body, HttpResponseHeaders Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
    public XDocument Xml => XDocument.Parse(Body);

    public override string ToString() => $"{(int)Status} {ContentType}: {Body[..Math.Min(Body.Length, 400)]}";
}

/// <summary>What the Open311 tests share: calls over real HTTP, keys, and the format checks every answer must pass.</summary>
public static class Open311Kit
{
    public const string Base = "/open311/v2";
    public const string XmlContentType = "text/xml; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    public static async Task<Open311Response> Open311GetAsync(this CiudadApp app, string pathAndQuery, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Base + pathAndQuery);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        return await app.SendAsync(request);
    }

    public static async Task<Open311Response> Open311PostAsync(this CiudadApp app, string format, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/requests.{format}") { Content = new FormUrlEncodedContent(fields) };
        return await app.SendAsync(request);
    }

    public static async Task<Open311Response> SendAsync(this CiudadApp app, HttpRequestMessage request)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Open311Response(response.StatusCode, response.Content.Headers.ContentType?.ToString(), body, response.Headers);
    }

    /// <summary>Issues a key through the real service, as the admin page and the CLI do.</summary>
    public static Task<string> NewApiKeyAsync(this CiudadApp app, int requestsPerMinute = 10_000) =>
        app.WithServicesAsync(async sp => (await sp.GetRequiredService<ApiKeyService>().CreateAsync("Test client " + Guid.NewGuid().ToString("N")[..6], requestsPerMinute, null)).Plaintext);

    /// <summary>A valid pothole report at city hall, to adjust per test.</summary>
    public static List<KeyValuePair<string, string>> PotholeFields(string apiKey, string description = "Pothole filed by an Open311 client") =>
    [
        new("api_key", apiKey),
        new("service_code", "pothole"),
        new("lat", "31.7587"),
        new("long", "-106.4869"),
        new("description", description),
        new("attribute[size]", "large"),
    ];

    /// <summary>The spec's wire rules: exact content type, XML declaration and no namespace, or parseable JSON.</summary>
    public static void AssertWellFormed(this Open311Response response, string format)
    {
        if (format == "xml")
        {
            Assert.Equal(XmlContentType, response.ContentType);
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", response.Body, StringComparison.Ordinal);
            var xml = response.Xml;
            Assert.All(xml.Descendants(), e => Assert.Equal("", e.Name.NamespaceName));
        }
        else
        {
            Assert.Equal(JsonContentType, response.ContentType);
            _ = response.Json;
        }
    }

    /// <summary>An error list in the requested format with <paramref name="status"/>; returns the descriptions.</summary>
    public static IReadOnlyList<string> AssertErrors(this Open311Response response, string format, HttpStatusCode status)
    {
        Assert.True(status == response.Status, response.ToString());
        response.AssertWellFormed(format);
        if (format == "xml")
        {
            var root = response.Xml.Root!;
            Assert.Equal("errors", root.Name.LocalName);
            Assert.All(root.Elements(), e =>
            {
                Assert.Equal("error", e.Name.LocalName);
                Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Element("code")!.Value);
            });
            return [.. root.Elements().Select(e => e.Element("description")!.Value)];
        }
        var array = response.Json;
        Assert.Equal(JsonValueKind.Array, array.ValueKind);
        Assert.NotEqual(0, array.GetArrayLength());
        Assert.All(array.EnumerateArray(), e => Assert.Equal((int)status, e.GetProperty("code").GetInt32()));
        return [.. array.EnumerateArray().Select(e => e.GetProperty("description").GetString()!)];
    }

    /// <summary>The one request of a <c>service_requests</c> answer, in either format, as field → text.</summary>
    public static IReadOnlyList<Dictionary<string, string?>> Requests(this Open311Response response, string format)
    {
        if (format == "xml")
        {
            var root = response.Xml.Root!;
            Assert.Equal("service_requests", root.Name.LocalName);
            Assert.All(root.Elements(), e => Assert.Equal("request", e.Name.LocalName));
            return [.. root.Elements().Select(e => e.Elements().ToDictionary(f => f.Name.LocalName, f => f.HasElements || f.IsEmpty ? (f.IsEmpty ? null : f.ToString()) : f.Value))];
        }
        return [.. response.Json.EnumerateArray().Select(r => r.EnumerateObject().ToDictionary(p => p.Name,
            p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            }))];
    }
}
