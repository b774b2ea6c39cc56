using Ciudad.ServiceRequests.Photos;
using ImageMagick;
using ImageMagick.Drawing;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Tests.Intake;

public sealed class PhotoProcessorTests
{
    private static readonly PhotoProcessor Processor = new(Options.Create(new ServiceRequestsOptions()));

    [Fact]
    public async Task A_phone_jpeg_loses_its_gps_and_camera_metadata_and_stays_a_jpeg()
    {
        var upload = PhoneJpeg(800, 600);
        using (var original = new MagickImage(upload))
        {
            Assert.NotNull(original.GetExifProfile()?.GetValue(ExifTag.GPSLatitude)); // the test photo really has GPS
        }

        var photo = await Processed(upload);

        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.Equal(MagickFormat.Jpeg, PhotoProcessor.Sniff(photo.Content));
        Assert.Equal(MagickFormat.Jpeg, PhotoProcessor.Sniff(photo.Thumbnail));
        foreach (var bytes in new[] { photo.Content, photo.Thumbnail })
        {
            using var image = new MagickImage(bytes);
            Assert.Null(image.GetExifProfile());
            Assert.Null(image.GetXmpProfile());
            Assert.DoesNotContain("TestPhone", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        }
        Assert.Equal((800, 600), (photo.Width, photo.Height));
        using var thumbnail = new MagickImage(photo.Thumbnail);
        Assert.Equal(320u, thumbnail.Width);
    }

    [Fact]
    public async Task The_camera_rotation_is_applied_before_the_orientation_tag_is_dropped()
    {
        using var sideways = new MagickImage(MagickColors.Orange, 400, 200);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)6); // "rotate 90° clockwise to view", as phones held upright write
        sideways.SetProfile(exif);
        sideways.Orientation = Orientation.RightTop;
        var upload = sideways.ToByteArray(MagickFormat.Jpeg);
        using (var check = new MagickImage(upload))
        {
            Assert.Equal(Orientation.RightTop, check.Orientation);
        }

        var photo = await Processed(upload);

        Assert.Equal((200, 400), (photo.Width, photo.Height));
    }

    [Fact]
    public async Task A_png_with_transparency_becomes_a_jpeg_on_white()
    {
        using var png = new MagickImage(MagickColors.Transparent, 100, 100);
        png.Draw(new Drawables().FillColor(MagickColors.Red).Rectangle(0, 0, 49, 99));
        var upload = png.ToByteArray(MagickFormat.Png);
        Assert.Equal(MagickFormat.Png, PhotoProcessor.Sniff(upload));

        var photo = await Processed(upload);

        using var image = new MagickImage(photo.Content);
        Assert.Equal(MagickFormat.Jpeg, PhotoProcessor.Sniff(photo.Content));
        Assert.False(image.HasAlpha);
        var transparentPart = image.GetPixels().GetPixel(90, 50).ToColor()!;
        Assert.True(transparentPart.R > 240 && transparentPart.G > 240 && transparentPart.B > 240, $"expected white, got {transparentPart}");
    }

    [Fact]
    public async Task A_text_file_named_like_a_photo_is_not_a_photo() =>
        Assert.Equal(PhotoProblem.NotAPhoto, (await Processor.ProcessAsync("This is a shopping list, not a picture.\n"u8.ToArray())).Problem);

    [Fact]
    public async Task A_truncated_jpeg_is_unreadable()
    {
        var whole = PhoneJpeg(800, 600);

        Assert.Equal(PhotoProblem.Unreadable, (await Processor.ProcessAsync(whole[..200])).Problem);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_before_it_is_decoded()
    {
        using var small = new PhotoProcessor(Options.Create(new ServiceRequestsOptions { MaxPhotoBytes = 100_000 }));
        var upload = new byte[100_001];
        PhoneJpeg(64, 64).CopyTo(upload, 0);

        Assert.Equal(PhotoProblem.TooLarge, (await small.ProcessAsync(upload)).Problem);
        Assert.Equal(PhotoProblem.Empty, (await small.ProcessAsync([])).Problem);
    }

    [Fact]
    public async Task A_small_png_declaring_10000_by_10000_pixels_is_refused_from_its_header_without_decoding()
    {
        using var processor = new PhotoProcessor(Options.Create(new ServiceRequestsOptions()));
        var bomb = PhotoBombs.Png(10_000, 10_000);
        Assert.InRange(bomb.Length, 1, 200_000);

        var refused = await processor.ProcessAsync(bomb);
        var decodedAfterBomb = processor.DecodedCount;
        var ordinary = await processor.ProcessAsync(PhotoBombs.Png(64, 48));

        Assert.Equal(PhotoProblem.TooManyPixels, refused.Problem);
        Assert.Equal((10_000, 10_000), (refused.Width, refused.Height));
        Assert.Equal(0, decodedAfterBomb);
        // The counter does count: a photo within the limit is decoded and converted.
        Assert.Equal(PhotoProblem.None, ordinary.Problem);
        Assert.Equal(1, processor.DecodedCount);
    }

    [Fact]
    public async Task The_pixel_limit_is_a_setting()
    {
        using var processor = new PhotoProcessor(Options.Create(new ServiceRequestsOptions { MaxPhotoMegapixels = 1 }));

        Assert.Equal(PhotoProblem.TooManyPixels, (await processor.ProcessAsync(PhotoBombs.Png(1001, 1000))).Problem);
        Assert.Equal(PhotoProblem.None, (await processor.ProcessAsync(PhotoBombs.Png(1000, 1000))).Problem);
        Assert.Equal(1, processor.DecodedCount);
    }

    /// <summary>
    /// A 64×48 green HEIC (HEVC) made with libheif's heif-enc 1.15 (Debian libheif-examples:
    /// <c>heif-enc -q 30 green.png</c>). Magick.NET decodes HEIC but has no HEIC encoder, so the
    /// test cannot make one itself.
    /// </summary>
    private const string TinyHeicBase64 =
        "AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAa1tZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAA" +
        "AA5waXRtAAAAAAACAAAAEGlkYXQAAAAAAEAAMAAAADhpbG9jAQAAAERAAAIAAQAAAAAAAAHRAAEAAAAAAAAAGQACAAEAAAAAAAAA" +
        "AQAAAAAAAAAIAAAAOGlpbmYAAAAAAAIAAAAVaW5mZQIAAAEAAQAAaHZjMQAAAAAVaW5mZQIAAAAAAgAAZ3JpZAAAAADYaXBycAAA" +
        "ALZpcGNvAAAAdmh2Y0MBA3AAAAAAAAAAAAAe8AD8/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACpCAQED" +
        "cAAAAwCQAAADAAADAB6gIIEFlurkprm4EBAwIAAAAwAgAAADACEiAAEABkQBwXPAiQAAABRpc3BlAAAAAAAAAEAAAABAAAAAFGlz" +
        "cGUAAAAAAAAAQAAAADAAAAAQcGl4aQAAAAADCAgIAAAAGmlwbWEAAAAAAAAAAgABAoECAAICA4QAAAAaaXJlZgAAAAAAAAAOZGlt" +
        "ZwACAAEAAQAAACFtZGF0AAAAFSgBrxmA70mlv/99Zf65+/zutaY+bg==";

    [Fact]
    public async Task A_heic_photo_from_an_iphone_is_converted_to_jpeg()
    {
        var heic = Convert.FromBase64String(TinyHeicBase64);
        Assert.Equal(MagickFormat.Heic, PhotoProcessor.Sniff(heic));

        var photo = await Processed(heic);

        Assert.Equal(MagickFormat.Jpeg, PhotoProcessor.Sniff(photo.Content));
        Assert.Equal((64, 48), (photo.Width, photo.Height));
        using var image = new MagickImage(photo.Content);
        var pixel = image.GetPixels().GetPixel(32, 24).ToColor()!;
        Assert.True(pixel.G > pixel.R && pixel.G > pixel.B, $"expected the green of the original, got {pixel}");
    }

    private static async Task<ProcessedPhoto> Processed(byte[] upload)
    {
        var result = await Processor.ProcessAsync(upload);
        Assert.Equal(PhotoProblem.None, result.Problem);
        return result.Photo!;
    }

    /// <summary>A photo as phones save it: JPEG with the camera's make and the GPS position.</summary>
    public static byte[] PhoneJpeg(int width, int height)
    {
        using var image = new MagickImage(MagickColors.SteelBlue, (uint)width, (uint)height);
        image.SetProfile(PhoneExif());
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    private static ExifProfile PhoneExif()
    {
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "TestPhone");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(31, 1), new Rational(45, 1), new Rational(3132, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "W");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(106, 1), new Rational(29, 1), new Rational(1284, 100)]);
        return exif;
    }
}
