namespace Ciudad.Web.CommandLine;

public enum CiudadVerb
{
    Serve,
    Migrate,
    SeedDemo,
    CreateAdmin,
    AuditVerify,
    ApiKeyCreate,
    Help,
}

/// <summary>
/// The operator command line: <c>ciudad [serve|migrate|seed-demo [--requests N]|create-admin --email E|audit verify|--help]</c>.
/// Everything after the verb that is not the verb's own option goes to the host as configuration
/// (e.g. <c>--urls http://0.0.0.0:8080</c>).
/// </summary>
public sealed record CiudadCommand(CiudadVerb Verb, string? Email, string[] HostArguments, string? Error)
{
    /// <summary>For <c>apikey create</c>: the key's name and its POSTs per minute (null: the configured default).</summary>
    public (string Name, int? Limit)? ApiKey { get; init; }

    public static CiudadCommand Parse(string[] args)
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
                case "apikey" when rest.Count > 1 && rest[1] == "create": verb = CiudadVerb.ApiKeyCreate; rest.RemoveRange(0, 2); break;
                default: verb = CiudadVerb.Help; error = $"Unknown command '{rest[0]}'."; break;
            }
        }
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            return new(CiudadVerb.Help, null, [], null);
        }
        if (verb == CiudadVerb.CreateAdmin)
        {
            var at = rest.IndexOf("--email");
            if (at < 0 || at + 1 >= rest.Count)
            {
                return new(CiudadVerb.Help, null, [], "create-admin needs --email <address>.");
            }
            email = rest[at + 1];
            rest.RemoveRange(at, 2);
        }
        if (verb == CiudadVerb.SeedDemo)
        {
            return ParseSeedDemo(rest);
        }
        (string, int?)? apiKey = null;
        if (verb == CiudadVerb.ApiKeyCreate)
        {
            var parsed = ApiKeyArguments.Parse(rest);
            if (parsed.Error is not null)
            {
                return new(CiudadVerb.Help, null, [], parsed.Error);
            }
            apiKey = (parsed.Name!, parsed.Limit);
        }
        return new(verb, email, [.. rest], error) { ApiKey = apiKey };
    }

    /// <summary><c>seed-demo --requests N</c>: how many synthetic requests to add; null for the demo data alone.</summary>
    public int? SyntheticRequests { get; init; }

    /// <summary><c>seed-demo --seed S</c>: the same seed on the same database gives the same requests.</summary>
    public int Seed { get; init; } = 1;

    private static CiudadCommand ParseSeedDemo(List<string> rest)
    {
        int? requests = null;
        var seed = 1;
        foreach (var (option, assign) in new (string, Action<int>)[] { ("--requests", v => requests = v), ("--seed", v => seed = v) })
        {
            var at = rest.IndexOf(option);
            if (at < 0)
            {
                continue;
            }
            if (at + 1 >= rest.Count || !int.TryParse(rest[at + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                return new(CiudadVerb.Help, null, [], $"seed-demo {option} needs a whole number.");
            }
            assign(value);
            rest.RemoveRange(at, 2);
        }
        return new(CiudadVerb.SeedDemo, null, [.. rest], null) { SyntheticRequests = requests, Seed = seed };
    }

    public static void PrintHelp(TextWriter output)
    {
        output.WriteLine("""
            Ciudad — digital services for cities.

            Usage: ciudad [command] [host options]
              (from a clone: dotnet run --project src/Ciudad.Web -- [command])

            Commands:
              serve                   Serve the site (default). On the embedded SQLite default, migrates
                                      and seeds demo data on first start.
              migrate                 Apply database migrations (the release step on PostgreSQL).
              seed-demo               Add El Paso's departments, the demo administrator, the 311 catalog and
                                      demo requests (idempotent).
                [--requests N] [--seed S]
                                      Also add N synthetic requests over the last three years (for load
                                      tests); the same seed on the same database gives the same requests.
              create-admin --email E  Create or promote an administrator; prints a one-time setup link.
              audit verify            Check the audit log's hash chain; reports the first broken link.
              apikey create --name N [--limit P]
                                      Issue an Open311 API key (P POSTs per minute); prints the key once.
              --help                  Show this help.

            Host options are ASP.NET Core configuration, e.g. --urls http://0.0.0.0:8080.
            Settings: Ciudad__Database__Provider=Sqlite|Postgres, ConnectionStrings__Ciudad=...
            (see README.md, "Configuration").
            """);
    }
}
