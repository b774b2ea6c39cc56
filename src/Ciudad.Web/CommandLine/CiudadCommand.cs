using Ciudad.Platform.Modules;

namespace Ciudad.Web.CommandLine;

public enum CiudadVerb
{
    Serve,
    Migrate,
    SeedDemo,
    CreateAdmin,
    AuditVerify,

    /// <summary>A verb a module brings (<see cref="CiudadCommand.ModuleVerb"/>).</summary>
    Module,
    Help,
}

/// <summary>
/// The operator command line: <c>ciudad [serve|migrate|seed-demo|create-admin --email E|audit verify|MODULE VERB|--help]</c>.
/// Everything after the verb that is not the verb's own option goes to the host as configuration
/// (e.g. <c>--urls http://0.0.0.0:8080</c>). Modules bring their own verbs (<see cref="ModuleVerb"/>).
/// </summary>
public sealed record CiudadCommand(CiudadVerb Verb, string? Email, string[] HostArguments, string? Error)
{
    /// <summary>The module's verb to run, its options already taken.</summary>
    public ModuleVerb? ModuleVerb { get; init; }

    /// <summary>Every verb the modules offer, for the help text.</summary>
    public IReadOnlyList<ModuleVerb> ModuleVerbs { get; init; } = [];

    public static CiudadCommand Parse(string[] args, IReadOnlyList<ModuleVerb> moduleVerbs)
    {
        var rest = new List<string>(args);
        var verb = CiudadVerb.Serve;
        string? email = null;
        string? error = null;

        if (rest.Count > 0 && !rest[0].StartsWith('-'))
        {
            switch (rest[0])
            {
                case "serve": verb = CiudadVerb.Serve; rest.RemoveAt(0); break;
                case "migrate": verb = CiudadVerb.Migrate; rest.RemoveAt(0); break;
                case "seed-demo": verb = CiudadVerb.SeedDemo; rest.RemoveAt(0); break;
                case "create-admin": verb = CiudadVerb.CreateAdmin; rest.RemoveAt(0); break;
                case "audit" when rest.Count > 1 && rest[1] == "verify": verb = CiudadVerb.AuditVerify; rest.RemoveRange(0, 2); break;
                default:
                    var chosen = moduleVerbs.FirstOrDefault(v => rest.Count >= v.Words.Count && rest.Take(v.Words.Count).SequenceEqual(v.Words, StringComparer.Ordinal));
                    if (chosen is null)
                    {
                        verb = CiudadVerb.Help;
                        error = $"Unknown command '{rest[0]}'.";
                        break;
                    }
                    rest.RemoveRange(0, chosen.Words.Count);
                    if (!rest.Contains("--help") && !rest.Contains("-h") && chosen.TakeOptions(rest) is { } verbError)
                    {
                        return new(CiudadVerb.Help, null, [], verbError) { ModuleVerbs = moduleVerbs };
                    }
                    return new(CiudadVerb.Module, null, [.. rest], null) { ModuleVerb = chosen, ModuleVerbs = moduleVerbs };
            }
        }
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            return new(CiudadVerb.Help, null, [], null) { ModuleVerbs = moduleVerbs };
        }
        if (verb == CiudadVerb.CreateAdmin)
        {
            var at = rest.IndexOf("--email");
            if (at < 0 || at + 1 >= rest.Count)
            {
                return new(CiudadVerb.Help, null, [], "create-admin needs --email <address>.") { ModuleVerbs = moduleVerbs };
            }
            email = rest[at + 1];
            rest.RemoveRange(at, 2);
        }
        return new(verb, email, [.. rest], error) { ModuleVerbs = moduleVerbs };
    }

    public void PrintHelp(TextWriter output)
    {
        var moduleLines = string.Concat(ModuleVerbs.Select(v => v.Usage.Length <= 22
            ? $"  {v.Usage,-22}  {v.Summary}\n"
            : $"  {v.Usage}\n  {"",-22}  {v.Summary}\n"));
        output.WriteLine($"""
            Ciudad — digital services for cities.

            Usage: ciudad [command] [host options]
              (from a clone: dotnet run --project src/Ciudad.Web -- [command])

            Commands:
              serve                   Serve the site (default). On the embedded SQLite default, migrates
                                      and seeds demo data on first start.
              migrate                 Apply database migrations (the release step on PostgreSQL).
              seed-demo               Add El Paso's departments, the demo administrator and every module's
                                      demo data (idempotent).
              create-admin --email E  Create or promote an administrator; prints a one-time setup link.
              audit verify            Check the audit log's hash chain; reports the first broken link.
              --help                  Show this help.

            Module commands:
            {moduleLines}
            Host options are ASP.NET Core configuration, e.g. --urls http://0.0.0.0:8080.
            Settings: Ciudad__Database__Provider=Sqlite|Postgres, ConnectionStrings__Ciudad=...
            (see README.md, "Configuration").
            """);
    }
}
