using System.Security.Cryptography;
using System.Text;
using Ciudad.Platform.Files;

namespace Ciudad.Platform.Tests.Files;

/// <summary>Nothing else runs beside these tests, so the process's allocation count is the store's own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FileStoreCollection
{
    public const string Name = "File stores";
}

/// <summary>
/// What every file store promises, run against local disk (<see cref="DiskFileStoreTests"/>) and an
/// S3-compatible server (<see cref="S3FileStoreTests"/>). Each test gets its own data folder and area.
/// </summary>
[Collection(FileStoreCollection.Name)]
public abstract class FileStoreContract : IDisposable
{
    protected FileStoreContract()
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "ciudad-tests", Guid.NewGuid().ToString("N"));
        Area = $"test-{Guid.NewGuid():N}";
    }

    protected string DataFolder { get; }
    protected string Area { get; }

    /// <summary>The options this store runs with (Store, and S3's settings for the S3 store).</summary>
    protected abstract FileStoreOptions Options { get; }

    /// <summary>Everything the store holds for this test's area, including temporary files.</summary>
    protected abstract Task<IReadOnlyList<string>> EverythingStoredAsync();

    /// <summary>
    /// The most a 210 MB save and read may allocate in all. Measured: disk about 0.1 MB (one pooled
    /// buffer); S3 about 14 MB (the AWS SDK's per-request buffers over five requests).
    /// </summary>
    protected abstract long LargeFileAllocationBudget { get; }

    private FileStores? _stores;

    protected FileStores Stores => _stores ??= FileStoreServices.Create(Options, DataFolder, TimeProvider.System);

    protected IFileStore Store => Stores.For(Area);

    [Fact]
    public async Task A_saved_file_reads_back_with_its_bytes_length_and_content_type()
    {
        var bytes = Encoding.UTF8.GetBytes("Pothole on Mesa St. — photo to follow");

        var stored = await Store.SaveAsync(new MemoryStream(bytes), "text/plain; charset=utf-8");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Address.Hex);
        Assert.Equal(bytes.Length, stored.Length);
        Assert.Equal("text/plain; charset=utf-8", stored.ContentType);
        Assert.True(await Store.ExistsAsync(stored.Address));
        await using var file = await Store.OpenAsync(stored.Address);
        Assert.NotNull(file);
        Assert.Equal(bytes.Length, file.Length);
        Assert.Equal("text/plain; charset=utf-8", file.ContentType);
        var read = new MemoryStream();
        await file.Content.CopyToAsync(read);
        Assert.Equal(bytes, read.ToArray());
    }

    [Fact]
    public async Task The_same_bytes_saved_twice_are_stored_once_at_one_address_keeping_the_first_content_type()
    {
        var bytes = RandomNumberGenerator.GetBytes(10_000);

        var first = await Store.SaveAsync(new MemoryStream(bytes), "image/png");
        var second = await Store.SaveAsync(new MemoryStream(bytes), "application/pdf");
        var other = await Store.SaveAsync(new MemoryStream([.. bytes, 0]), "image/png");

        Assert.Equal(first.Address, second.Address);
        Assert.Equal("image/png", second.ContentType);
        Assert.NotEqual(first.Address, other.Address);
        var stored = await EverythingStoredAsync();
        Assert.Single(stored, name => name.EndsWith(first.Address.Hex, StringComparison.Ordinal));
        Assert.Single(stored, name => name.EndsWith(other.Address.Hex, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_removes_the_file_and_says_whether_there_was_one()
    {
        var stored = await Store.SaveAsync(new MemoryStream(RandomNumberGenerator.GetBytes(1000)), "application/octet-stream");

        Assert.True(await Store.DeleteAsync(stored.Address));

        Assert.False(await Store.ExistsAsync(stored.Address));
        Assert.Null(await Store.OpenAsync(stored.Address));
        Assert.False(await Store.DeleteAsync(stored.Address));
        Assert.Empty(await EverythingStoredAsync());
    }

    [Fact]
    public async Task A_missing_file_is_absent_not_an_error()
    {
        var missing = FileAddress.FromHash(SHA256.HashData("never stored"u8));

        Assert.False(await Store.ExistsAsync(missing));
        Assert.Null(await Store.OpenAsync(missing));
        Assert.False(await Store.DeleteAsync(missing));
    }

    [Fact]
    public async Task Areas_keep_their_files_apart_so_one_modules_delete_never_removes_anothers_file()
    {
        var bytes = RandomNumberGenerator.GetBytes(1000);
        var otherArea = Stores.For($"{Area}-other");
        var mine = await Store.SaveAsync(new MemoryStream(bytes), "image/jpeg");
        var theirs = await otherArea.SaveAsync(new MemoryStream(bytes), "image/jpeg");

        await Store.DeleteAsync(mine.Address);

        Assert.Equal(mine.Address, theirs.Address);
        Assert.True(await otherArea.ExistsAsync(theirs.Address));
        Assert.False(await Store.ExistsAsync(mine.Address));
    }

    [Fact]
    public async Task A_stream_over_the_limit_is_refused_clearly_and_leaves_nothing_behind()
    {
        // Forward-only, so the store only finds out while reading.
        var error = await Assert.ThrowsAsync<FileTooLargeException>(() => Store.SaveAsync(new GeneratedStream(3_000_001), "video/mp4", maxBytes: 3_000_000));
        // A stream that says its length is refused before a byte is read.
        var seekable = await Assert.ThrowsAsync<FileTooLargeException>(() => Store.SaveAsync(new MemoryStream(new byte[101]), "video/mp4", maxBytes: 100));

        Assert.Equal(3_000_000, error.MaxBytes);
        Assert.Contains("3000000 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(100, seekable.MaxBytes);
        Assert.Empty(await EverythingStoredAsync());
        var exactlyAtLimit = await Store.SaveAsync(new GeneratedStream(3_000_000), "video/mp4", maxBytes: 3_000_000);
        Assert.Equal(3_000_000, exactlyAtLimit.Length);
    }

    [Fact]
    public async Task The_configured_maximum_applies_when_the_caller_gives_none()
    {
        Options.MaxFileBytes = 1000;

        await Assert.ThrowsAsync<FileTooLargeException>(() => Store.SaveAsync(new GeneratedStream(1001), null));

        Assert.Empty(await EverythingStoredAsync());
    }

    [Fact]
    public async Task A_large_stream_is_stored_and_read_back_without_being_held_in_memory()
    {
        const long length = 210L * 1024 * 1024 + 12_345; // not a multiple of any buffer or part size
        var expected = await GeneratedStream.Sha256Async(length);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stored = await Store.SaveAsync(new GeneratedStream(length), "application/zip");
        string readBack;
        long readLength;
        await using (var file = await Store.OpenAsync(stored.Address))
        {
            Assert.NotNull(file);
            readLength = file.Length;
            readBack = Convert.ToHexStringLower(await SHA256.HashDataAsync(file.Content));
        }
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.Equal(expected, stored.Address.Hex);
        Assert.Equal(length, stored.Length);
        Assert.Equal(length, readLength);
        Assert.Equal(expected, readBack);
        // 420 MB went through (in and out); holding the file would allocate at least 210 MB.
        Assert.True(allocated < LargeFileAllocationBudget, $"Saving and reading {length:N0} bytes allocated {allocated:N0} bytes.");
    }

    [Theory]
    [InlineData("../../../etc/passwd")]
    [InlineData("ab/cd/0000000000000000000000000000000000000000000000000000000000")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85")] // 63 characters
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855a")] // 65
    [InlineData("g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")] // not hex
    [InlineData("")]
    public void An_address_that_is_not_a_sha256_in_hex_is_rejected(string value)
    {
        Assert.False(FileAddress.TryParse(value, out _));
        var error = Assert.Throws<FormatException>(() => FileAddress.Parse(value));
        Assert.Contains("64 hexadecimal characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_in_capitals_names_the_same_file()
    {
        var stored = await Store.SaveAsync(new MemoryStream("same"u8.ToArray()), "text/plain");

        var upper = FileAddress.Parse(stored.Address.Hex.ToUpperInvariant());

        Assert.Equal(stored.Address, upper);
        Assert.True(await Store.ExistsAsync(upper));
    }

    [Theory]
    [InlineData("../forms")]
    [InlineData("Forms")]
    [InlineData("forms/photos")]
    [InlineData("")]
    [InlineData("-forms")]
    public void An_area_name_that_could_leave_its_folder_is_rejected(string area)
    {
        var error = Assert.Throws<ArgumentException>(() => Stores.For(area));
        Assert.Contains("lowercase letters, digits or dashes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain\r\nX-Injected: yes")]
    [InlineData("not a media type")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_content_type_that_is_not_a_media_type_is_stored_as_octet_stream(string? contentType)
    {
        var stored = await Store.SaveAsync(new MemoryStream(RandomNumberGenerator.GetBytes(100)), contentType);

        await using var file = await Store.OpenAsync(stored.Address);
        Assert.Equal("application/octet-stream", stored.ContentType);
        Assert.Equal("application/octet-stream", file!.ContentType);
    }

    public void Dispose()
    {
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
