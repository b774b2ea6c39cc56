namespace Ciudad.Platform.Modules;

/// <summary>
/// A command-line verb a module brings (<c>ciudad apikey create --name N</c>). The host matches
/// the verb's words, lets it take its own options out of the argument list (the rest is host
/// configuration, e.g. <c>--urls</c>), builds the app with every module, and runs it.
/// </summary>
public abstract class ModuleVerb
{
    /// <summary>The words that name the verb: ["apikey", "create"].</summary>
    public abstract IReadOnlyList<string> Words { get; }

    /// <summary>One help line's usage ("apikey create --name N [--limit P]").</summary>
    public abstract string Usage { get; }

    /// <summary>One help line's summary.</summary>
    public abstract string Summary { get; }

    /// <summary>Removes the verb's own options from <paramref name="arguments"/>; returns an error to show, or null.</summary>
    public abstract string? TakeOptions(List<string> arguments);

    /// <summary>Runs with the app's services (the database is migrated by the operator, as for every verb); returns the exit code.</summary>
    public abstract Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken);

    /// <summary>Takes <c>option value</c> out of the list; null when absent or without a value.</summary>
    protected static string? TakeValue(List<string> arguments, string option)
    {
        var at = arguments.IndexOf(option);
        if (at < 0 || at + 1 >= arguments.Count)
        {
            return null;
        }
        var value = arguments[at + 1];
        arguments.RemoveRange(at, 2);
        return value;
    }
}
