using Amazon.S3.Model;
using Ciudad.Platform.Files;

namespace Ciudad.Platform.Tests.Files;

/// <summary>The contract against a real S3-compatible server (s3rver, started by scripts/test.sh).</summary>
public sealed class S3FileStoreTests : FileStoreContract, IAsyncLifetime
{
    protected override FileStoreOptions Options { get; } = new()
    {
        Store = FileStoreKind.S3,
        S3 = new S3StoreOptions
        {
            ServiceUrl = TestS3.ServiceUrl,
            Bucket = TestS3.Bucket,
            AccessKey = TestS3.AccessKey,
            SecretKey = TestS3.SecretKey,
        },
    };

    protected override long LargeFileAllocationBudget => 32 * 1024 * 1024;

    public Task InitializeAsync() => TestS3.EnsureBucketAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected override async Task<IReadOnlyList<string>> EverythingStoredAsync()
    {
        using var client = TestS3.Client();
        var objects = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = TestS3.Bucket, Prefix = $"{Area}/" });
        var incoming = Path.Combine(DataFolder, "files", ".incoming");
        return
        [
            .. objects.S3Objects?.Select(o => o.Key) ?? [],
            .. Directory.Exists(incoming) ? Directory.EnumerateFiles(incoming) : [],
        ];
    }

    [Fact]
    public async Task A_file_is_an_object_keyed_by_area_and_hash_with_no_local_copy_left()
    {
        var stored = await Store.SaveAsync(new MemoryStream("bucket"u8.ToArray()), "text/plain");

        using var client = TestS3.Client();
        var key = $"{Area}/{stored.Address.RelativePath}";
        var metadata = await client.GetObjectMetadataAsync(TestS3.Bucket, key);
        Assert.Equal(6, metadata.ContentLength);
        Assert.Equal("text/plain", metadata.Headers.ContentType);
        Assert.Equal([key], await EverythingStoredAsync());
    }

    [Fact]
    public async Task The_readiness_check_passes_on_the_bucket_and_names_one_that_is_missing()
    {
        Assert.Null(await Stores.ProblemAsync(CancellationToken.None));

        var missing = new FileStoreOptions
        {
            Store = FileStoreKind.S3,
            S3 = new S3StoreOptions { ServiceUrl = TestS3.ServiceUrl, Bucket = "no-such-bucket", AccessKey = TestS3.AccessKey, SecretKey = TestS3.SecretKey },
        };
        var problem = await FileStoreServices.Create(missing, DataFolder, TimeProvider.System).ProblemAsync(CancellationToken.None);

        Assert.NotNull(problem);
        Assert.Contains("no-such-bucket", problem, StringComparison.Ordinal);
        Assert.Contains("404", problem, StringComparison.Ordinal);
    }
}
