using System.Globalization;
using Ciudad.Platform.Files;

namespace Ciudad.Forms.Filling;

/// <summary>
/// Uploads of a form's file questions, checked before they are kept: the extension must be one the
/// question allows, the size within its limit, and the first bytes must be what the extension says
/// (a renamed executable is not a PDF). Kept in the "forms" area of the file store; the answer holds
/// the address, the file's name and its size.
/// </summary>
internal sealed class FormFiles(FileStores stores)
{
    public const string Area = "forms";

    /// <summary>Largest upload when a question sets no limit.</summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    private static readonly Dictionary<string, (string ContentType, byte[][] Signatures)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pdf"] = ("application/pdf", [[0x25, 0x50, 0x44, 0x46]]),
        ["jpg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        ["jpeg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        ["png"] = ("image/png", [[0x89, 0x50, 0x4E, 0x47]]),
        ["gif"] = ("image/gif", [[0x47, 0x49, 0x46, 0x38]]),
        ["heic"] = ("image/heic", []),
        ["docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [[0x50, 0x4B, 0x03, 0x04]]),
        ["xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [[0x50, 0x4B, 0x03, 0x04]]),
        ["doc"] = ("application/msword", [[0xD0, 0xCF, 0x11, 0xE0]]),
        ["txt"] = ("text/plain", []),
        ["csv"] = ("text/csv", []),
    };

    public IFileStore Store => stores.For(Area);

    /// <summary>Stores the page's new files into <paramref name="answers"/>; returns an error per file refused (nothing of it kept).</summary>
    public async Task<IReadOnlyList<Ciudad.Platform.Outcomes.FieldError>> StoreAsync(IEnumerable<FormField> fields, IFormFileCollection files,
        FormAnswers answers, CultureInfo culture, CancellationToken cancellationToken)
    {
        var errors = new List<Ciudad.Platform.Outcomes.FieldError>();
        foreach (var field in fields.Where(f => f.Type == FieldType.File))
        {
            var file = files.GetFile(field.Key);
            if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
            {
                continue;
            }
            var label = field.Label.For(culture);
            var fileName = Path.GetFileName(file.FileName.Replace('\\', '/'));
            var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
            var allowed = field.FileTypes.Select(t => t.TrimStart('.').ToLowerInvariant()).ToList();
            if (allowed.Count > 0 && !allowed.Contains(extension) || !Known.TryGetValue(extension, out var kind))
            {
                errors.Add(new(field.Key, "Forms.Error.FileType", label, string.Join(", ", allowed.Count > 0 ? allowed : Known.Keys)));
                continue;
            }
            var max = field.MaxFileBytes ?? DefaultMaxBytes;
            if (file.Length > max || file.Length == 0)
            {
                errors.Add(new(field.Key, file.Length == 0 ? "Forms.Error.FileUnreadable" : "Forms.Error.FileTooLarge", label, Megabytes(max, culture)));
                continue;
            }
            await using var stream = file.OpenReadStream();
            var head = new byte[8];
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            if (kind.Signatures.Length > 0 && !kind.Signatures.Any(s => read >= s.Length && head.AsSpan(0, s.Length).SequenceEqual(s)))
            {
                errors.Add(new(field.Key, "Forms.Error.FileUnreadable", label));
                continue;
            }
            stream.Position = 0;
            StoredFile stored;
            try
            {
                stored = await Store.SaveAsync(stream, kind.ContentType, max, cancellationToken);
            }
            catch (FileTooLargeException)
            {
                errors.Add(new(field.Key, "Forms.Error.FileTooLarge", label, Megabytes(max, culture)));
                continue;
            }
            answers.Set(field.Key, stored.Address.Hex);
            answers.Set($"{field.Key}.{FormAnswers.Parts.FileName}", fileName.Length <= 120 ? fileName : fileName[..120]);
            answers.Set($"{field.Key}.{FormAnswers.Parts.FileSize}", stored.Length.ToString(CultureInfo.InvariantCulture));
        }
        return errors;
    }

    private static string Megabytes(long bytes, CultureInfo culture) => (bytes / 1_000_000d).ToString("0.#", culture) + " MB";
}
