namespace Ciudad.Platform.Files;

/// <summary>
/// One area's files (see <see cref="FileStores.For"/>), addressed by the SHA-256 of their bytes.
/// Writing the same bytes twice stores them once and returns the same address. Nothing is ever
/// deleted implicitly: a module deletes a file when none of its records points at it any more.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Reads <paramref name="content"/> to its end without holding it in memory, and stores it.
    /// Throws <see cref="FileTooLargeException"/> as soon as more than <paramref name="maxBytes"/>
    /// (default <c>Ciudad:Files:MaxFileBytes</c>) have been read; then nothing is stored.
    /// A file already stored keeps the content type it was first stored with.
    /// </summary>
    Task<StoredFile> SaveAsync(Stream content, string? contentType, long? maxBytes = null, CancellationToken cancellationToken = default);

    /// <summary>The file's bytes as a stream, or null when there is no such file. Dispose it.</summary>
    Task<FileContent?> OpenAsync(FileAddress address, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(FileAddress address, CancellationToken cancellationToken = default);

    /// <summary>Deletes the file; false when there was none.</summary>
    Task<bool> DeleteAsync(FileAddress address, CancellationToken cancellationToken = default);
}
