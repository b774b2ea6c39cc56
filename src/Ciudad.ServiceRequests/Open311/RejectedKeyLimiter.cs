using Ciudad.Platform.Limits;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// Open311 POSTs are limited per key, which only helps once a key is known — and the key may sit
/// in a multipart body of up to 50 MB. So each client address gets a small budget of POSTs whose
/// key was missing or wrong; once it is spent, that address's POSTs are refused (429, in the
/// spec's format) before their body is read. Shared by every instance when Redis is configured.
/// </summary>
internal sealed class RejectedKeyLimiter(IRateWindows windows, IOptions<Open311Options> options)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public int RejectionsPerMinute { get; } = options.Value.RejectedKeyPostsPerMinute;

    /// <summary>True while the address still has rejections left in this minute.</summary>
    public ValueTask<bool> IsAllowedAsync(string address, CancellationToken cancellationToken = default) =>
        windows.HasRemainingAsync(Key(address), RejectionsPerMinute, cancellationToken);

    /// <summary>Spends one of the address's rejections.</summary>
    public async ValueTask RecordRejectionAsync(string address, CancellationToken cancellationToken = default) =>
        await windows.TrySpendAsync(Key(address), RejectionsPerMinute, Minute, cancellationToken);

    private static string Key(string address) => "open311-rejected:" + address;
}
