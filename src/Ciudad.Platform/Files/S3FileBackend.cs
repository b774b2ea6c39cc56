using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Ciudad.Platform.Files;

/// <summary>Areas as key prefixes in one bucket (<c>{Prefix}{area}/ab/cd/{hash}</c>).</summary>
internal sealed class S3FileBackend(IAmazonS3 client, S3StoreOptions options, string tempFolder, long defaultMaxBytes) : IFileBackend
{
    public IFileStore Create(string area) => new S3FileStore(client, options, $"{options.Prefix}{area}/", tempFolder, defaultMaxBytes);

    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.HeadBucketAsync(new HeadBucketRequest { BucketName = options.Bucket }, cancellationToken);
            return null;
        }
        catch (AmazonServiceException e)
        {
            return $"The bucket {options.Bucket} cannot be reached: {(int)e.StatusCode} {e.ErrorCode ?? e.Message}";
        }
        catch (HttpRequestException e)
        {
            return $"The S3 server cannot be reached: {e.Message}";
        }
    }

    public static IAmazonS3 CreateClient(S3StoreOptions options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // AWSSDK v4 adds a CRC32 checksum to every upload by default, sent as an aws-chunked
            // trailer that many S3-compatible servers (s3rver among them) do not understand; our
            // integrity check is the SHA-256 address itself. Checksums only where S3 requires them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrEmpty(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }

        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }
}
