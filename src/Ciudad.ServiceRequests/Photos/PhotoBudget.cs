using Ciudad.Platform.Limits;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Photos;

/// <summary>
/// Photos cost CPU, so each one spends from its poster's budget
/// (<see cref="ServiceRequestsOptions.PhotosPerMinute"/> per person, client address or API key):
/// one post with five photos costs five times one with a single photo, on top of the per-post
/// limits. A fixed one-minute window per poster, shared by every instance when Redis is configured
/// (<see cref="IRateWindows"/>), like every other limit.
/// </summary>
internal sealed class PhotoBudget(IRateWindows windows, IOptions<ServiceRequestsOptions> options)
{
    public int PhotosPerMinute => options.Value.PhotosPerMinute;

    /// <summary>Spends one photo of <paramref name="poster"/>'s budget; refused (with how long to wait) when it is spent.</summary>
    public ValueTask<WindowSpend> TrySpendAsync(string poster, CancellationToken cancellationToken = default) =>
        windows.TrySpendAsync("photos:" + poster, PhotosPerMinute, TimeSpan.FromMinutes(1), cancellationToken);
}
