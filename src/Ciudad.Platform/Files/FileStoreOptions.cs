using System.ComponentModel.DataAnnotations;

namespace Ciudad.Platform.Files;

public enum FileStoreKind
{
    Disk,
    S3,
}

/// <summary>Settings under <c>Ciudad:Files</c>.</summary>
public sealed class FileStoreOptions : IValidatableObject
{
    public const string Section = "Ciudad:Files";

    public FileStoreKind Store { get; set; } = FileStoreKind.Disk;

    /// <summary>Disk store's folder; relative paths are under the data folder.</summary>
    [Required] public string Folder { get; set; } = "files";

    /// <summary>The largest file a module may store unless it asks for less (or more) itself.</summary>
    [Range(1, long.MaxValue)] public long MaxFileBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    public S3StoreOptions S3 { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Store != FileStoreKind.S3)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(S3.Bucket))
        {
            yield return new ValidationResult("Ciudad:Files:S3:Bucket is required when Ciudad:Files:Store is S3.");
        }

        if (!string.IsNullOrEmpty(S3.ServiceUrl) && !Uri.TryCreate(S3.ServiceUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Ciudad:Files:S3:ServiceUrl must be an absolute URL such as https://s3.example.org.");
        }

        if (string.IsNullOrEmpty(S3.AccessKey) != string.IsNullOrEmpty(S3.SecretKey))
        {
            yield return new ValidationResult("Set both Ciudad:Files:S3:AccessKey and SecretKey, or neither (then the AWS SDK's usual sources are used).");
        }

        if (S3.PartBytes is < S3StoreOptions.MinPartBytes or > S3StoreOptions.MaxPartBytes || S3.MultipartThresholdBytes < S3StoreOptions.MinPartBytes)
        {
            yield return new ValidationResult("Ciudad:Files:S3:PartBytes must be 5 MiB to 5 GiB and MultipartThresholdBytes at least 5 MiB (S3's limits).");
        }
    }
}

/// <summary>
/// An S3-compatible bucket. Keys come from configuration or the environment
/// (<c>Ciudad__Files__S3__SecretKey</c>), never from files in the repository; left empty, the AWS
/// SDK looks where it always does (AWS_ACCESS_KEY_ID, instance roles).
/// </summary>
public sealed class S3StoreOptions
{
    internal const long MinPartBytes = 5L * 1024 * 1024;
    internal const long MaxPartBytes = 5L * 1024 * 1024 * 1024;

    /// <summary>An S3-compatible server (MinIO, Garage, Ceph, …); empty for AWS itself in <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    /// <summary>Prepended to every key, so one bucket can hold several installations.</summary>
    public string Prefix { get; set; } = "";

    public string Region { get; set; } = "us-east-1";

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Bucket in the path (server/bucket/key), as most S3-compatible servers expect.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Files larger than this are uploaded in parts (each part read from the local temporary copy).</summary>
    public long MultipartThresholdBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Part size for large files; S3 requires at least 5 MiB (and at most 10,000 parts).</summary>
    public long PartBytes { get; set; } = 64L * 1024 * 1024;
}
