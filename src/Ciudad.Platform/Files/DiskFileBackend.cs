namespace Ciudad.Platform.Files;

/// <summary>Areas as folders under the files folder; temporary files in its <c>.incoming</c> folder (same disk, so renames are atomic).</summary>
internal sealed class DiskFileBackend(string filesFolder, long defaultMaxBytes) : IFileBackend
{
    public string TempFolder { get; } = Path.Combine(filesFolder, ".incoming");

    public IFileStore Create(string area) => new DiskFileStore(Path.Combine(filesFolder, area), TempFolder, defaultMaxBytes);

    public Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(TempFolder);
            var probe = Path.Combine(TempFolder, $"health-{Guid.NewGuid():N}.probe");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return Task.FromResult<string?>(null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult<string?>($"The files folder {filesFolder} cannot be written: {e.Message}");
        }
    }
}
