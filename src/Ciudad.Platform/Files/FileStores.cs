using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Ciudad.Platform.Files;

/// <summary>
/// The one file store, divided into areas: each module asks for its own
/// (<c>files.For("forms")</c>), so identical bytes saved by two modules are two files and one
/// module's delete can never remove another's file. Inside an area identical bytes are one file.
/// </summary>
public sealed partial class FileStores
{
    private readonly IFileBackend _backend;
    private readonly ConcurrentDictionary<string, IFileStore> _areas = new(StringComparer.Ordinal);

    internal FileStores(IFileBackend backend) => _backend = backend;

    /// <summary>The area's store. Areas are lowercase letters, digits and dashes, starting with a letter.</summary>
    public IFileStore For(string area)
    {
        if (area is null || !AreaName().IsMatch(area))
        {
            throw new ArgumentException("A file area is 1-63 lowercase letters, digits or dashes, starting with a letter (e.g. \"forms\").", nameof(area));
        }

        return _areas.GetOrAdd(area, _backend.Create);
    }

    /// <summary>Null when the store can be written; otherwise what is wrong, for the readiness check.</summary>
    public Task<string?> ProblemAsync(CancellationToken cancellationToken) => _backend.ProblemAsync(cancellationToken);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex AreaName();
}

/// <summary>Where the areas live: local disk or an S3 bucket.</summary>
internal interface IFileBackend
{
    IFileStore Create(string area);

    Task<string?> ProblemAsync(CancellationToken cancellationToken);
}
