using System.Security.Cryptography;
using Ciudad.Platform.Files;

namespace Ciudad.Platform.Tests.Files;

public sealed class DiskFileStoreTests : FileStoreContract
{
    protected override FileStoreOptions Options { get; } = new();

    protected override long LargeFileAllocationBudget => 2 * 1024 * 1024;

    private string FilesFolder => Path.Combine(DataFolder, "files");

    protected override Task<IReadOnlyList<string>> EverythingStoredAsync() =>
        Task.FromResult<IReadOnlyList<string>>(Directory.Exists(FilesFolder)
            ? [.. Directory.EnumerateFiles(FilesFolder, "*", SearchOption.AllDirectories)
                .Where(path => path.StartsWith(Path.Combine(FilesFolder, Area) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    || path.StartsWith(Path.Combine(FilesFolder, ".incoming"), StringComparison.Ordinal))
                .Where(path => !path.EndsWith(".type", StringComparison.Ordinal))]
            : []);

    [Fact]
    public async Task A_file_lives_under_the_data_folder_by_its_hash_with_no_temporary_file_left()
    {
        var bytes = RandomNumberGenerator.GetBytes(5000);
        var hex = Convert.ToHexStringLower(SHA256.HashData(bytes));

        await Store.SaveAsync(new MemoryStream(bytes), "image/webp");

        var path = Path.Combine(FilesFolder, Area, hex[..2], hex[2..4], hex);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Equal([path], await EverythingStoredAsync());
    }

    [Fact]
    public async Task A_temporary_file_a_crash_left_behind_is_removed_on_the_next_start()
    {
        var incoming = Path.Combine(FilesFolder, ".incoming");
        Directory.CreateDirectory(incoming);
        var abandoned = Path.Combine(incoming, "crashed.incoming");
        var recent = Path.Combine(incoming, "being-written.incoming");
        await File.WriteAllBytesAsync(abandoned, new byte[10]);
        await File.WriteAllBytesAsync(recent, new byte[10]);
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddDays(-2));

        _ = FileStoreServices.Create(Options, DataFolder, TimeProvider.System);

        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(recent));
    }
}
