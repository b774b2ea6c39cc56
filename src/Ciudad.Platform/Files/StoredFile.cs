namespace Ciudad.Platform.Files;

/// <summary>
/// A file in the store. The file's name and who it belongs to are the caller's business: a module
/// keeps them in its own table beside the address.
/// </summary>
public sealed record StoredFile(FileAddress Address, long Length, string ContentType);

/// <summary>An open stored file: read <see cref="Content"/> as a stream, then dispose.</summary>
public sealed class FileContent(Stream content, long length, string contentType, IDisposable? owner = null) : IAsyncDisposable, IDisposable
{
    public Stream Content { get; } = content;
    public long Length { get; } = length;
    public string ContentType { get; } = contentType;

    public void Dispose()
    {
        Content.Dispose();
        owner?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        owner?.Dispose();
    }
}

/// <summary>The stream was longer than the limit; nothing was stored.</summary>
public sealed class FileTooLargeException(long maxBytes)
    : Exception($"The file is larger than the limit of {maxBytes} bytes; nothing was stored.")
{
    public long MaxBytes { get; } = maxBytes;
}
