using System.Text.RegularExpressions;
using MimeKit;

namespace Ciudad.Testing;

/// <summary>Reads the messages Ciudad delivered to its pickup folder, as a person reads their inbox.</summary>
public sealed partial class Mailbox(string folder)
{
    public string Folder { get; } = folder;

    public IReadOnlyList<MimeMessage> All() =>
        Directory.Exists(Folder)
            ? [.. Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(path => MimeMessage.Load(path))]
            : [];

    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. All().Where(m => m.To.Mailboxes.Any(t => string.Equals(t.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits (the outbox delivers in the background) for a message to <paramref name="address"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var found = To(address).LastOrDefault(m => match?.Invoke(m) ?? true);
            if (found is not null)
            {
                return found;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No email to {address} arrived. Mail present: {string.Join("; ", All().Select(m => $"{m.To} '{m.Subject}'"))}");
    }

    /// <summary>The first link in the message whose path starts with <paramref name="pathPrefix"/>, as a relative URL.</summary>
    public static string LinkIn(MimeMessage message, string pathPrefix)
    {
        foreach (Match match in LinkPattern().Matches(message.TextBody ?? ""))
        {
            var uri = new Uri(match.Value);
            if (uri.AbsolutePath.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return uri.PathAndQuery;
            }
        }
        throw new InvalidOperationException($"No link to {pathPrefix} in '{message.Subject}': {message.TextBody}");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
