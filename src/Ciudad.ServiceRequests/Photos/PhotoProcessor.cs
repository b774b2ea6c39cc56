using System.Diagnostics;
using ImageMagick;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Photos;

/// <summary>
/// Turns an uploaded photo into something safe to store and show: the format is decided from the
/// file's first bytes (never its name or declared type), only JPEG, PNG, WebP and HEIC are decoded,
/// and the pixels are re-encoded as JPEG after applying the camera's rotation, so EXIF (including
/// GPS), XMP, ICC comments and anything hidden in the original are gone.
/// <para>
/// Decoding costs CPU in proportion to the pixels a file declares, not its size: a 100 KB PNG can
/// declare 10000×10000. So the header is read first and a photo over
/// <see cref="ServiceRequestsOptions.MaxPhotoMegapixels"/> is refused without decoding; at most
/// <see cref="ServiceRequestsOptions.PhotoProcessingSlots"/> photos are decoded at once (the rest wait
/// up to <see cref="ServiceRequestsOptions.PhotoQueueWait"/>, then are refused with "try again"); and
/// one photo may take at most <see cref="ServiceRequestsOptions.PhotoProcessingTimeout"/>.
/// </para>
/// </summary>
internal sealed class PhotoProcessor : IDisposable
{
    public const int MaxEdge = 2048;
    public const int ThumbnailEdge = 320;
    private const int MaxSourcePixelsPerEdge = 20_000;

    private readonly ServiceRequestsOptions _options;
    private readonly SemaphoreSlim _slots;
    private long _decoded;

    static PhotoProcessor()
    {
        // Defence in depth behind the header check: ImageMagick itself refuses larger images.
        ResourceLimits.Width = MaxSourcePixelsPerEdge;
        ResourceLimits.Height = MaxSourcePixelsPerEdge;
        ResourceLimits.Area = 120_000_000;
    }

    public PhotoProcessor(IOptions<ServiceRequestsOptions> options)
    {
        _options = options.Value;
        Slots = _options.PhotoProcessingSlots > 0 ? _options.PhotoProcessingSlots : Environment.ProcessorCount;
        _slots = new SemaphoreSlim(Slots, Slots);
    }

    /// <summary>Photos decoded at once.</summary>
    public int Slots { get; }

    /// <summary>How many uploads have reached the decoder (refused ones never do); for operators and tests.</summary>
    public long DecodedCount => Interlocked.Read(ref _decoded);

    public long MaxPixels => _options.MaxPhotoMegapixels * 1_000_000L;

    public async Task<PhotoResult> ProcessAsync(byte[] upload, CancellationToken cancellationToken = default)
    {
        if (upload.Length == 0)
        {
            return PhotoResult.Failed(PhotoProblem.Empty);
        }
        if (upload.Length > _options.MaxPhotoBytes)
        {
            return PhotoResult.Failed(PhotoProblem.TooLarge);
        }
        if (Sniff(upload) is not { } format)
        {
            return PhotoResult.Failed(PhotoProblem.NotAPhoto);
        }
        if (ReadSize(upload, format) is not var (width, height))
        {
            return PhotoResult.Failed(PhotoProblem.Unreadable);
        }
        if ((long)width * height > MaxPixels)
        {
            return new PhotoResult(null, PhotoProblem.TooManyPixels, width, height);
        }
        if (!await _slots.WaitAsync(_options.PhotoQueueWait, cancellationToken))
        {
            return PhotoResult.Failed(PhotoProblem.Busy);
        }
        try
        {
            return Convert(upload, format);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>The dimensions the file declares, from its header only (ImageMagick's "ping": no pixels are decoded).</summary>
    private static (int Width, int Height)? ReadSize(byte[] upload, MagickFormat format)
    {
        try
        {
            var info = new MagickImageInfo(upload, new MagickReadSettings { Format = format });
            return ((int)Math.Min(info.Width, int.MaxValue), (int)Math.Min(info.Height, int.MaxValue));
        }
        catch (MagickException)
        {
            return null;
        }
    }

    private PhotoResult Convert(byte[] upload, MagickFormat format)
    {
        Interlocked.Increment(ref _decoded);
        var clock = Stopwatch.StartNew();
        try
        {
            using var image = new MagickImage();
            // ImageMagick reports progress while it decodes, resizes and encodes; past the time
            // limit the work is cancelled (the operation then throws).
            image.Progress += (_, progress) => progress.Cancel = clock.Elapsed > _options.PhotoProcessingTimeout;
            image.Read(upload, new MagickReadSettings { Format = format });
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
            return clock.Elapsed > _options.PhotoProcessingTimeout
                ? PhotoResult.Failed(PhotoProblem.TooSlow)
                : PhotoResult.Ok(new ProcessedPhoto("image/jpeg", content, thumbnail, width, height));
        }
        catch (MagickException)
        {
            // Cancelled for taking too long, or the right magic number with a broken or hostile body.
            return PhotoResult.Failed(clock.Elapsed > _options.PhotoProcessingTimeout ? PhotoProblem.TooSlow : PhotoProblem.Unreadable);
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

    public void Dispose() => _slots.Dispose();
}

internal sealed record ProcessedPhoto(string ContentType, byte[] Content, byte[] Thumbnail, int Width, int Height);

internal enum PhotoProblem
{
    None = 0,
    Empty,
    TooLarge,
    /// <summary>Not JPEG, PNG, WebP or HEIC, whatever its name says.</summary>
    NotAPhoto,
    Unreadable,
    /// <summary>Declares more pixels than the limit (a small file can declare a huge image); refused before decoding.</summary>
    TooManyPixels,
    /// <summary>Took longer than the processing time limit.</summary>
    TooSlow,
    /// <summary>Every processing slot stayed busy for the whole wait: try again shortly.</summary>
    Busy,
    /// <summary>The poster has had too many photos processed this minute.</summary>
    OverBudget,
}

/// <summary>The converted photo, or why not; <see cref="Width"/>×<see cref="Height"/> is the declared size when it has too many pixels.</summary>
internal sealed record PhotoResult(ProcessedPhoto? Photo, PhotoProblem Problem, int Width = 0, int Height = 0)
{
    public static PhotoResult Ok(ProcessedPhoto photo) => new(photo, PhotoProblem.None);
    public static PhotoResult Failed(PhotoProblem problem) => new(null, problem);
}
