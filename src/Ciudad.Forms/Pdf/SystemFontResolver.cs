using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Ciudad.Forms.Pdf;

/// <summary>
/// PDFsharp finds no fonts by itself outside Windows: this gives it one sans-serif family,
/// <see cref="Family"/>, from TrueType files the system has (DejaVu Sans, else Liberation Sans,
/// else Arial; all cover Spanish). Debian and Ubuntu images get DejaVu with
/// <c>apt-get install fonts-dejavu-core</c>.
/// </summary>
internal sealed class SystemFontResolver : IFontResolver
{
    public const string Family = "Ciudad Sans";

    private const string Regular = "CiudadSans-Regular";
    private const string Bold = "CiudadSans-Bold";

    private static readonly Lock Gate = new();
    private static volatile bool _registered;

    /// <summary>Regular and bold files, in order of preference.</summary>
    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
        ("Arial.ttf", "Arial Bold.ttf"),
        ("arial.ttf", "arialbd.ttf"),
    ];

    private static readonly string[] Folders =
    [
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts"),
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "fonts"),
        "/Library/Fonts",
        "/System/Library/Fonts/Supplemental",
        Environment.GetFolderPath(Environment.SpecialFolder.Fonts),
    ];

    private readonly Lazy<(string Regular, string Bold)> _files = new(FindFiles, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    /// <summary>
    /// Makes PDFsharp use this resolver, once per process and safely from several threads: the
    /// setting is global and may not change once fonts were used. When something else set a
    /// resolver first, this one becomes its fallback (asked for what the first does not know).
    /// </summary>
    public static void Register()
    {
        if (_registered)
        {
            return;
        }
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new SystemFontResolver();
            }
            else if (GlobalFontSettings.FontResolver is not SystemFontResolver && GlobalFontSettings.FallbackFontResolver is null)
            {
                GlobalFontSettings.FallbackFontResolver = new SystemFontResolver();
            }
            _registered = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase)
            // No italic file: PDFsharp slants the regular face when asked.
            ? new FontResolverInfo(bold ? Bold : Regular, false, italic)
            : null;

    public byte[]? GetFont(string faceName) => faceName switch
    {
        Regular => _faces.GetOrAdd(faceName, _ => File.ReadAllBytes(_files.Value.Regular)),
        Bold => _faces.GetOrAdd(faceName, _ => File.ReadAllBytes(_files.Value.Bold)),
        _ => null,
    };

    private static (string Regular, string Bold) FindFiles()
    {
        var folders = Folders.Where(f => f.Length > 0 && Directory.Exists(f)).ToList();
        foreach (var (regular, bold) in Candidates)
        {
            if (Find(folders, regular) is { } regularPath)
            {
                return (regularPath, Find(folders, bold) ?? regularPath);
            }
        }
        throw new InvalidOperationException(
            "No TrueType font for the PDF copy of answers: install DejaVu Sans (Debian/Ubuntu: apt-get install fonts-dejavu-core) or Liberation Sans.");
    }

    private static string? Find(List<string> folders, string fileName)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseSensitive, MaxRecursionDepth = 5 };
        foreach (var folder in folders)
        {
            if (Directory.EnumerateFiles(folder, fileName, options).FirstOrDefault() is { } found)
            {
                return found;
            }
        }
        return null;
    }
}
