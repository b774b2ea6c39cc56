using System.Buffers;
using System.Security.Cryptography;

namespace Ciudad.Platform.Files;

/// <summary>
/// A stream copied to a temporary file while its SHA-256 is computed, so the address is known
/// before the file is committed and nothing larger than one buffer is ever in memory.
/// Disposing deletes the temporary file if it was not moved away.
/// </summary>
internal sealed class IncomingFile : IDisposable
{
    private const int BufferBytes = 128 * 1024;

    private IncomingFile(string path, FileAddress address, long length)
    {
        Path = path;
        Address = address;
        Length = length;
    }

    public string Path { get; }
    public FileAddress Address { get; }
    public long Length { get; }

    /// <param name="durable">Flush to the disk before returning (the disk store renames it into place next).</param>
    public static async Task<IncomingFile> ReceiveAsync(Stream content, string tempFolder, long maxBytes, bool durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.CanSeek && content.Length - content.Position > maxBytes)
        {
            throw new FileTooLargeException(maxBytes);
        }

        Directory.CreateDirectory(tempFolder);
        var path = System.IO.Path.Combine(tempFolder, $"{Guid.NewGuid():N}.incoming");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferBytes), cancellationToken)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        throw new FileTooLargeException(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                if (durable)
                {
                    file.Flush(flushToDisk: true);
                }
            }

            return new IncomingFile(path, FileAddress.FromHash(hash.GetHashAndReset()), length);
        }
        catch
        {
            DeleteQuietly(path);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose() => DeleteQuietly(Path);

    /// <summary>Removes temporary files a crashed process left behind (older than a day, so never one being written).</summary>
    public static void RemoveAbandoned(string tempFolder, TimeProvider clock)
    {
        if (!Directory.Exists(tempFolder))
        {
            return;
        }

        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var path in Directory.EnumerateFiles(tempFolder, "*.incoming"))
        {
            if (File.GetLastWriteTimeUtc(path) < cutoff)
            {
                DeleteQuietly(path);
            }
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for RemoveAbandoned; a temporary file is never read as a stored one.
        }
    }
}
