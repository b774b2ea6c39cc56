using Ciudad.Platform.Limits;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// Per-key limit on POSTs: a fixed one-minute window of <see cref="ApiKey.RequestsPerMinute"/>
/// permits, shared by every instance when Redis is configured (<see cref="IRateWindows"/>), so a
/// key gets its limit whichever instance answers. A changed limit starts a fresh window (the key
/// of the window includes it).
/// </summary>
internal sealed class ApiKeyRateLimiter(IRateWindows windows)
{
    /// <summary>Spends one of the key's POSTs, or says how long until it may POST again.</summary>
    public ValueTask<WindowSpend> TryAcquireAsync(ApiKey key, CancellationToken cancellationToken = default) =>
        windows.TrySpendAsync($"open311-key:{key.Id}:{key.RequestsPerMinute}", key.RequestsPerMinute, TimeSpan.FromMinutes(1), cancellationToken);
}
