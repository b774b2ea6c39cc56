using ImageMagick;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Photos;

/// <summary>
/// Turns an uploaded photo into something safe to store and show: the format is decided from the
/// file's first bytes (never its name or declared type), only JPEG, PNG, WebP and HEIC are decoded,
/// and the pixels are re-encoded as JPEG after applying the camera's rotation, so EXIF (including
/// GPS), XMP, ICC comments and anything hidden in the original are gone.
/// </summary>
public sealed class PhotoProcessor(IOptions<ServiceRequestsOptions> options)
{
    public const int MaxEdge = 2048;
    public const int ThumbnailEdge = 320;
    private const int MaxSourcePixelsPerEdge = 20_000;

    static PhotoProcessor()
    {
        // A decompression bomb (a tiny file that declares a huge image) stops here, not in memory.
        ResourceLimits.Width = MaxSourcePixelsPerEdge;
        ResourceLimits.Height = MaxSourcePixelsPerEdge;
        ResourceLimits.Area = 120_000_000;
    }

    public PhotoResult Process(ReadOnlySpan<byte> upload)
    {
        if (upload.Length == 0)
        {
            return PhotoResult.Failed(PhotoProblem.Empty);
        }
        if (upload.Length > options.Value.MaxPhotoBytes)
        {
            return PhotoResult.Failed(PhotoProblem.TooLarge);
        }
        var format = Sniff(upload);
        if (format is null)
        {
            return PhotoResult.Failed(PhotoProblem.NotAPhoto);
        }
        try
        {
            using var image = new MagickImage(upload.ToArray(), new MagickReadSettings { Format = format.Value });
            image.AutoOrient();
            image.Strip();
            if (image.HasAlpha)
            {
                image.BackgroundColor = MagickColors.White;
                image.Alpha(AlphaAction.Remove);
            }
            image.Resize(new MagickGeometry(MaxEdge, MaxEdge) { Greater = true });
            image.Quality = 82;
            var content = image.ToByteArray(MagickFormat.Jpeg);
            var (width, height) = ((int)image.Width, (int)image.Height);

            image.Thumbnail(new MagickGeometry(ThumbnailEdge, ThumbnailEdge) { Greater = true });
            image.Strip();
            image.Quality = 75;
            var thumbnail = image.ToByteArray(MagickFormat.Jpeg);
            return PhotoResult.Ok(new ProcessedPhoto("image/jpeg", content, thumbnail, width, height));
        }
        catch (MagickException)
        {
            // Right magic number, broken or hostile body.
            return PhotoResult.Failed(PhotoProblem.Unreadable);
        }
    }

    /// <summary>The format the bytes really are, or null when it is not one we accept.</summary>
    public static MagickFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return MagickFormat.Jpeg;
        }
        if (bytes.Length >= 8 && bytes[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return MagickFormat.Png;
        }
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return MagickFormat.WebP;
        }
        if (bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(bytes[8..12]);
            if (brand is "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "mif1" or "msf1")
            {
                return MagickFormat.Heic;
            }
        }
        return null;
    }
}

public sealed record ProcessedPhoto(string ContentType, byte[] Content, byte[] Thumbnail, int Width, int Height);

public enum PhotoProblem
{
    None = 0,
    Empty,
    TooLarge,
    /// <summary>Not JPEG, PNG, WebP or HEIC, whatever its name says.</summary>
    NotAPhoto,
    Unreadable,
}

public sealed record PhotoResult(ProcessedPhoto? Photo, PhotoProblem Problem)
{
    public static PhotoResult Ok(ProcessedPhoto photo) => new(photo, PhotoProblem.None);
    public static PhotoResult Failed(PhotoProblem problem) => new(null, problem);
}
