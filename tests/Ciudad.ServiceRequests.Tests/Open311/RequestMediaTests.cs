using System.Net;
using System.Net.Http.Headers;
using Ciudad.ServiceRequests.Photos;
using Ciudad.ServiceRequests.Requests;
using ImageMagick;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>Multipart POSTs with <c>media</c> photos: processed like web uploads, metadata gone, bad files refused.</summary>
public sealed class RequestMediaTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task A_photo_with_gps_in_its_exif_is_served_back_as_media_url_without_any_exif(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync();
        var upload = JpegWithGps();
        Assert.NotNull(new MagickImage(upload).GetExifProfile()?.GetValue(ExifTag.GPSLatitude)); // the test photo really carries a position

        using var form = Multipart(Open311Kit.PotholeFields(key), ("media", "IMG_0042.jpg", upload));
        var filed = await app.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json") { Content = form });
        Assert.True(HttpStatusCode.OK == filed.Status, filed.ToString());
        var number = filed.Json[0].GetProperty("service_request_id").GetString()!;

        var read = await app.Open311GetAsync($"/requests/{number}.json?extensions=true");
        Open311Schemas.AssertValid("requests.json", read.Body);
        var mediaUrl = new Uri(read.Json[0].GetProperty("media_url").GetString()!);
        Assert.True(mediaUrl.IsAbsoluteUri);
        Assert.Matches($"^/requests/{number}/photos/[0-9a-f]{{32}}$", mediaUrl.AbsolutePath);
        Assert.Equal(mediaUrl.ToString(), read.Json[0].GetProperty("extended_attributes").GetProperty("photos")[0].GetString());

        // The bytes behind media_url (served by the public tracking endpoint) are the stored, re-encoded photo.
        var photoId = Guid.ParseExact(mediaUrl.AbsolutePath.Split('/')[^1], "N");
        var stored = await app.WithDbAsync(d => d.RequestPhotos().AsNoTracking().SingleAsync(p => p.Id == photoId));
        using var served = new MagickImage(stored.Content);
        Assert.Null(served.GetExifProfile());
        Assert.Equal(-1, stored.Content.AsSpan().IndexOf("Exif\0\0"u8));
        Assert.Equal(MagickFormat.Jpeg, served.Format);
    }

    [Theory, BothDatabases]
    public async Task A_file_that_is_not_a_photo_is_a_400_naming_the_file_and_nothing_is_stored(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync();
        var before = await app.WithDbAsync(d => d.Requests().CountAsync());

        foreach (var format in new[] { "xml", "json" })
        {
            using var form = Multipart(Open311Kit.PotholeFields(key), ("media", "holiday.jpg", "This is not a picture"u8.ToArray()));
            var response = await app.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/open311/v2/requests.{format}") { Content = form });

            var description = Assert.Single(response.AssertErrors(format, HttpStatusCode.BadRequest));
            Assert.Contains("media file 1 (holiday.jpg)", description, StringComparison.Ordinal);
            Assert.Contains("not a JPEG, PNG, WebP or HEIC photo", description, StringComparison.Ordinal);
        }
        Assert.Equal(before, await app.WithDbAsync(d => d.Requests().CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_decompression_bomb_is_a_400_naming_its_pixels_and_is_never_decoded(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync();
        var processor = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<PhotoProcessor>()));
        var decodedBefore = processor.DecodedCount;

        using var form = Multipart(Open311Kit.PotholeFields(key), ("media", "bomb.png", PhotoBombs.Png(10_000, 10_000)));
        var response = await app.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json") { Content = form });

        var description = Assert.Single(response.AssertErrors("json", HttpStatusCode.BadRequest));
        Assert.Equal("media file 1 (bomb.png): too many pixels: 10000×10000, the limit is 40 megapixels.", description);
        Assert.Equal(decodedBefore, processor.DecodedCount);
    }

    [Theory, BothDatabases]
    public async Task Every_photo_spends_from_the_keys_photo_budget_so_five_bombs_cost_five_times_one(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync();
        var bomb = PhotoBombs.Png(10_000, 10_000);
        var fiveBombs = Enumerable.Repeat(("media", "bomb.png", bomb), 5).ToArray();

        // The default budget is 20 photos a minute: four posts of five spend it, refused or not.
        for (var post = 0; post < 4; post++)
        {
            using var form = Multipart(Open311Kit.PotholeFields(key), fiveBombs);
            var refused = await app.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json") { Content = form });
            refused.AssertErrors("json", HttpStatusCode.BadRequest);
        }
        using var one = Multipart(Open311Kit.PotholeFields(key), ("media", "bomb.png", bomb));
        var spent = await app.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json") { Content = one });

        var description = Assert.Single(spent.AssertErrors("json", HttpStatusCode.TooManyRequests));
        Assert.Contains("media file 1 (bomb.png) was not processed: this api_key may send at most 20 photos a minute", description, StringComparison.Ordinal);
    }

    internal static byte[] JpegWithGps()
    {
        using var image = new MagickImage(MagickColors.Orange, 64, 48);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "TestCam");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(31, 1), new Rational(45, 1), new Rational(3132, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "W");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(106, 1), new Rational(29, 1), new Rational(1284, 100)]);
        image.SetProfile(exif);
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    internal static MultipartFormDataContent Multipart(IEnumerable<KeyValuePair<string, string>> fields, params (string Name, string FileName, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        foreach (var (name, fileName, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, name, fileName);
        }
        return form;
    }
}
