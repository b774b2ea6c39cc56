using System.Net;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>
/// Photos the way integrations send them: FixMyStreet uploads file parts named <c>photo1</c>,
/// <c>photo2</c>… or sends <c>media_url</c> links (repeated with several photos). None is dropped silently.
/// </summary>
public sealed class PhotoPartTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Every_image_part_is_kept_whatever_its_name(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync();
        var jpeg = RequestMediaTests.JpegWithGps();

        using var form = RequestMediaTests.Multipart(Open311Kit.PotholeFields(key), ("photo1", "1.0.full.jpeg", jpeg), ("photo2", "1.1.full.jpeg", jpeg), ("media", "extra.jpg", jpeg));
        var filed = await app.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json") { Content = form });

        Assert.True(HttpStatusCode.OK == filed.Status, filed.ToString());
        var number = filed.Json[0].GetProperty("service_request_id").GetString()!;
        var read = await app.Open311GetAsync($"/requests/{number}.json?extensions=true");
        Assert.Equal(3, read.Json[0].GetProperty("extended_attributes").GetProperty("photos").GetArrayLength());
    }

    [Theory, BothDatabases]
    public async Task A_part_that_is_not_an_image_is_a_400_naming_the_part_and_nothing_is_filed(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync();
        var before = await app.WithDbAsync(d => d.Requests().CountAsync());

        using var form = RequestMediaTests.Multipart(Open311Kit.PotholeFields(key),
            ("photo1", "1.0.full.jpeg", RequestMediaTests.JpegWithGps()), ("photo2", "notes.txt", "just text"u8.ToArray()));
        var response = await app.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.xml") { Content = form });

        var description = Assert.Single(response.AssertErrors("xml", HttpStatusCode.BadRequest));
        Assert.Contains("photo2 (notes.txt)", description, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(d => d.Requests().CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task Media_urls_are_kept_as_links_for_staff_and_not_published(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync();
        var fields = Open311Kit.PotholeFields(key);
        fields.Add(new("media_url", "https://fms.example.org/c/4242.0.full.jpeg"));
        fields.Add(new("media_url", "https://fms.example.org/c/4242.1.full.jpeg"));

        var filed = await app.Open311PostAsync("json", fields);

        Assert.True(HttpStatusCode.OK == filed.Status, filed.ToString());
        var number = filed.Json[0].GetProperty("service_request_id").GetString()!;
        var events = await app.WithDbAsync(d => d.RequestEvents().Where(e => d.Requests().Any(r => r.Id == e.RequestId && r.Number == number)).ToListAsync());
        var links = Assert.Single(events, e => e.Note?.Contains("4242.0.full.jpeg", StringComparison.Ordinal) == true);
        Assert.Contains("https://fms.example.org/c/4242.1.full.jpeg", links.Note, StringComparison.Ordinal);
        Assert.False(links.IsPublic);
        var read = await app.Open311GetAsync($"/requests/{number}.json");
        Assert.DoesNotContain("fms.example.org", read.Body, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_media_url_that_is_not_a_web_link_is_a_400_naming_it(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync();

        foreach (var bad in new[] { "file:///etc/passwd", "photo.jpg", "ftp://example.org/a.jpg" })
        {
            var fields = Open311Kit.PotholeFields(key);
            fields.Add(new("media_url", bad));
            var description = Assert.Single((await app.Open311PostAsync("json", fields)).AssertErrors("json", HttpStatusCode.BadRequest));
            Assert.StartsWith("media_url", description, StringComparison.Ordinal);
        }
    }
}
