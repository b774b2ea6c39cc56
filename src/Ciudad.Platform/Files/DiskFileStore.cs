namespace Ciudad.Platform.Files;

/// <summary>
/// Files on local disk: <c>{root}/ab/cd/{hash}</c>, with the content type beside it in
/// <c>{hash}.type</c>. A file is written to <paramref name="tempFolder"/> (same disk) while it is
/// hashed, flushed, then renamed into place, so a reader sees the whole file or none of it.
/// </summary>
internal sealed class DiskFileStore(string root, string tempFolder, long defaultMaxBytes) : IFileStore
{
    private const string TypeSuffix = ".type";

    public string Root { get; } = root;

    public async Task<StoredFile> SaveAsync(Stream content, string? contentType, long? maxBytes = null, CancellationToken cancellationToken = default)
    {
        var type = ContentTypes.Normalize(contentType);
        using var incoming = await IncomingFile.ReceiveAsync(content, tempFolder, maxBytes ?? defaultMaxBytes, durable: true, cancellationToken);
        var path = PathOf(incoming.Address);
        if (File.Exists(path))
        {
            return new StoredFile(incoming.Address, incoming.Length, await ReadTypeAsync(path, cancellationToken));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // The type first: a file that exists always has its type beside it.
        var typeTemp = incoming.Path + TypeSuffix;
        await File.WriteAllTextAsync(typeTemp, type, cancellationToken);
        File.Move(typeTemp, path + TypeSuffix, overwrite: true);
        try
        {
            File.Move(incoming.Path, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another writer committed the same bytes first: same address, same content.
        }

        return new StoredFile(incoming.Address, incoming.Length, type);
    }

    public async Task<FileContent?> OpenAsync(FileAddress address, CancellationToken cancellationToken = default)
    {
        var path = PathOf(address);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 64 * 1024,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return new FileContent(stream, stream.Length, await ReadTypeAsync(path, cancellationToken));
    }

    public Task<bool> ExistsAsync(FileAddress address, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(address)));

    public Task<bool> DeleteAsync(FileAddress address, CancellationToken cancellationToken = default)
    {
        var path = PathOf(address);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        File.Delete(path + TypeSuffix);
        return Task.FromResult(true);
    }

    private string PathOf(FileAddress address) =>
        Path.Combine(Root, address.RelativePath);

    private static async Task<string> ReadTypeAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return ContentTypes.Normalize(await File.ReadAllTextAsync(path + TypeSuffix, cancellationToken));
        }
        catch (FileNotFoundException)
        {
            return ContentTypes.Default;
        }
    }
}
