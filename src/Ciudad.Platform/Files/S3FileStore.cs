using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Ciudad.Platform.Files;

/// <summary>
/// Files in an S3-compatible bucket under <c>{prefix}ab/cd/{hash}</c>. The stream is first copied
/// to a local temporary file while it is hashed (the key is the hash, so it is known only at the
/// end); if the bucket already has that key nothing is uploaded, otherwise the file is sent with
/// its length known — one PUT, or a multipart upload read part by part from the file above
/// <see cref="S3StoreOptions.MultipartThresholdBytes"/>. Memory use is one buffer either way.
/// </summary>
internal sealed class S3FileStore(IAmazonS3 client, S3StoreOptions options, string prefix, string tempFolder, long defaultMaxBytes) : IFileStore
{
    private const int MaxParts = 10_000;

    private readonly string _bucket = options.Bucket!;

    // Payload signing needs a second read of each body; over TLS it adds nothing, so it is skipped there.
    private bool UnsignedPayload => client.Config.ServiceURL?.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ?? true;

    public async Task<StoredFile> SaveAsync(Stream content, string? contentType, long? maxBytes = null, CancellationToken cancellationToken = default)
    {
        var type = ContentTypes.Normalize(contentType);
        using var incoming = await IncomingFile.ReceiveAsync(content, tempFolder, maxBytes ?? defaultMaxBytes, durable: false, cancellationToken);
        var key = KeyOf(incoming.Address);
        var existing = await HeadAsync(key, cancellationToken);
        if (existing is not null)
        {
            return new StoredFile(incoming.Address, incoming.Length, ContentTypes.Normalize(existing.Headers.ContentType));
        }

        if (incoming.Length <= options.MultipartThresholdBytes)
        {
            await client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _bucket,
                Key = key,
                FilePath = incoming.Path,
                ContentType = type,
                // Plain SigV4 bodies: aws-chunked framing is not understood by every S3-compatible server.
                UseChunkEncoding = false,
                DisablePayloadSigning = UnsignedPayload,
            }, cancellationToken);
        }
        else
        {
            await UploadInPartsAsync(incoming, key, type, cancellationToken);
        }

        return new StoredFile(incoming.Address, incoming.Length, type);
    }

    private async Task UploadInPartsAsync(IncomingFile incoming, string key, string type, CancellationToken cancellationToken)
    {
        var partBytes = Math.Max(options.PartBytes, (incoming.Length + MaxParts - 1) / MaxParts);
        var upload = await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = _bucket,
            Key = key,
            ContentType = type,
        }, cancellationToken);
        try
        {
            var parts = new List<PartETag>();
            for (var (number, position) = (1, 0L); position < incoming.Length; number++, position += partBytes)
            {
                var part = await client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = _bucket,
                    Key = key,
                    UploadId = upload.UploadId,
                    PartNumber = number,
                    FilePath = incoming.Path,
                    FilePosition = position,
                    PartSize = Math.Min(partBytes, incoming.Length - position),
                    UseChunkEncoding = false,
                    DisablePayloadSigning = UnsignedPayload,
                }, cancellationToken);
                parts.Add(new PartETag(number, part.ETag));
            }

            await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _bucket,
                Key = key,
                UploadId = upload.UploadId,
                PartETags = parts,
            }, cancellationToken);
        }
        catch
        {
            // The parts would otherwise stay in the bucket (and be billed) until a lifecycle rule removes them.
            await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _bucket, Key = key, UploadId = upload.UploadId }, CancellationToken.None);
            throw;
        }
    }

    public async Task<FileContent?> OpenAsync(FileAddress address, CancellationToken cancellationToken = default)
    {
        GetObjectResponse response;
        try
        {
            response = await client.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = KeyOf(address) }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return new FileContent(response.ResponseStream, response.ContentLength, ContentTypes.Normalize(response.Headers.ContentType), response);
    }

    public async Task<bool> ExistsAsync(FileAddress address, CancellationToken cancellationToken = default) =>
        await HeadAsync(KeyOf(address), cancellationToken) is not null;

    public async Task<bool> DeleteAsync(FileAddress address, CancellationToken cancellationToken = default)
    {
        // S3 answers a delete of a missing key with success, so ask first to tell the caller.
        var key = KeyOf(address);
        if (await HeadAsync(key, cancellationToken) is null)
        {
            return false;
        }

        await client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = key }, cancellationToken);
        return true;
    }

    private async Task<GetObjectMetadataResponse?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _bucket, Key = key }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private string KeyOf(FileAddress address) => prefix + address.RelativePath;
}
