using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Ciudad.Testing;

/// <summary>
/// The S3-compatible server scripts/test.sh starts (s3rver from tests/s3). Tests without it fail
/// loudly rather than silently skip the S3 store.
/// </summary>
public static class TestS3
{
    /// <summary>The server's URL, e.g. http://127.0.0.1:55433; the script sets it.</summary>
    public const string Variable = "CIUDAD_TEST_S3";

    /// <summary>s3rver accepts any signature made with its default key pair.</summary>
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    public const string Bucket = "ciudad-tests";

    public static string ServiceUrl =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url
            ? url
            : throw new InvalidOperationException($"{Variable} is not set: run the tests with scripts/test.sh, which starts an S3-compatible server.");

    /// <summary>App settings for an S3 file store in <paramref name="bucket"/>.</summary>
    public static Dictionary<string, string?> Settings(string bucket = Bucket) => new()
    {
        ["Ciudad:Files:Store"] = "S3",
        ["Ciudad:Files:S3:ServiceUrl"] = ServiceUrl,
        ["Ciudad:Files:S3:Bucket"] = bucket,
        ["Ciudad:Files:S3:AccessKey"] = AccessKey,
        ["Ciudad:Files:S3:SecretKey"] = SecretKey,
    };

    /// <summary>A client of the test server for looking behind the store's back.</summary>
    public static AmazonS3Client Client() => new(AccessKey, SecretKey, new AmazonS3Config
    {
        ServiceURL = ServiceUrl,
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
    });

    public static async Task EnsureBucketAsync(string bucket = Bucket)
    {
        using var client = Client();
        try
        {
            await client.PutBucketAsync(bucket);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            // Already there from an earlier test.
        }
    }
}
