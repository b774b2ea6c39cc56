using System.Text.RegularExpressions;
using Ciudad.Platform.Email;
using MimeKit;

namespace Ciudad.Web.Pages.Admin.Mail;

public sealed record SentMessage(string Name, string To, string From, string Subject, DateTimeOffset Date, string? Language, string? MessageId, string TextBody);

/// <summary>
/// Reads the pickup folder that the embedded default delivers to. Only plain names of .eml files
/// in that folder are ever opened: the name comes from a URL.
/// </summary>
public sealed partial class SentMail(MailFolder folder)
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,199}\.eml$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();

    public static bool IsSafeName(string? name) => name is not null && SafeName().IsMatch(name);

    /// <summary>All message names, newest first (the transport names files so that they sort by time).</summary>
    public IReadOnlyList<string> Names()
    {
        if (!Directory.Exists(folder.Path))
        {
            return [];
        }
        return Directory.EnumerateFiles(folder.Path, "*.eml")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(IsSafeName)
            .OrderByDescending(n => n, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<SentMessage?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        if (!IsSafeName(name))
        {
            return null;
        }
        var path = Path.GetFullPath(Path.Combine(folder.Path, name));
        // Belt and braces: the pattern already forbids separators and "..".
        if (!string.Equals(Path.GetDirectoryName(path), Path.GetFullPath(folder.Path).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal) || !File.Exists(path))
        {
            return null;
        }
        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(path, cancellationToken);
        }
        catch (FormatException)
        {
            return null;
        }
        var date = message.Date == DateTimeOffset.MinValue ? new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero) : message.Date;
        return new SentMessage(name, message.To.ToString(), message.From.ToString(), message.Subject ?? "", date,
            message.Headers[HeaderId.ContentLanguage] ?? message.Body?.Headers[HeaderId.ContentLanguage], message.MessageId, message.TextBody ?? "");
    }
}
