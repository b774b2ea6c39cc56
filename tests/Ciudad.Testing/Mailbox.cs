using System.Text.RegularExpressions;
using MimeKit;

namespace Ciudad.Testing;

/// <summary>
/// Reads the messages Ciudad delivered to its pickup folder, as a person reads their inbox.
/// <paramref name="deliverDue"/> runs the app's outbox until nothing is due, so a test reads the
/// folder after delivery has happened rather than watching the clock for it.
/// </summary>
public sealed partial class Mailbox(string folder, Func<Task> deliverDue)
{
    public string Folder { get; } = folder;

    public IReadOnlyList<MimeMessage> All() =>
        Directory.Exists(Folder)
            ? [.. Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(path => MimeMessage.Load(path))]
            : [];

    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. All().Where(m => m.To.Mailboxes.Any(t => string.Equals(t.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>
    /// Delivers every message that is due now (and lets any the background dispatcher holds finish),
    /// so that what is in the folder afterwards is everything the app has sent so far.
    /// </summary>
    public Task DeliverDueAsync() => deliverDue();

    /// <summary>
    /// The last message to <paramref name="address"/> (matching <paramref name="match"/>) once everything
    /// due has been delivered; fails at once, listing the mail present, when there is none.
    /// </summary>
    public async Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool>? match = null)
    {
        await DeliverDueAsync();
        return To(address).LastOrDefault(m => match?.Invoke(m) ?? true)
            ?? throw new InvalidOperationException($"No email to {address} was sent. Mail present: {string.Join("; ", All().Select(m => $"{m.To} '{m.Subject}'"))}");
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
