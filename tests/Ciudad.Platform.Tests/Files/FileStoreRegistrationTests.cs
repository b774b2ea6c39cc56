using System.Net;
using System.Security.Cryptography;
using Ciudad.Platform.Files;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ciudad.Platform.Tests.Files;

/// <summary>The store as the running app registers it: settings, where files go, and readiness.</summary>
public sealed class FileStoreRegistrationTests
{
    [Fact]
    public async Task By_default_files_go_under_the_data_folder_and_the_app_is_ready()
    {
        await using var app = await CiudadApp.StartAsync(TestDatabase.Sqlite);
        var bytes = RandomNumberGenerator.GetBytes(2000);

        var stored = await app.Services.GetRequiredService<FileStores>().For("forms").SaveAsync(new MemoryStream(bytes), "application/pdf");

        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(app.DataFolder, "files", "forms", stored.Address.RelativePath)));
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task With_s3_settings_files_go_to_the_bucket_and_readiness_follows_the_bucket()
    {
        await TestS3.EnsureBucketAsync();
        await using var app = await CiudadApp.StartAsync(TestDatabase.Sqlite, TestS3.Settings());

        var stored = await app.Services.GetRequiredService<FileStores>().For("forms").SaveAsync(new MemoryStream("in the bucket"u8.ToArray()), "text/plain");

        using var client = TestS3.Client();
        var metadata = await client.GetObjectMetadataAsync(TestS3.Bucket, $"forms/{stored.Address.RelativePath}");
        Assert.Equal(13, metadata.ContentLength);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

        await using var missing = await CiudadApp.StartAsync(TestDatabase.Sqlite, TestS3.Settings("bucket-nobody-made"));
        using var toMissing = new HttpClient { BaseAddress = missing.BaseAddress };
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await toMissing.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_s3_store_without_a_bucket_stops_the_app_at_start_naming_the_setting()
    {
        var settings = TestS3.Settings();
        settings["Ciudad:Files:S3:Bucket"] = "";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CiudadApp.StartAsync(TestDatabase.Sqlite, settings));

        Assert.Contains("Ciudad:Files:S3:Bucket is required", error.Message, StringComparison.Ordinal);
    }
}
