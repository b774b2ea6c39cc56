using System.ComponentModel.DataAnnotations;

namespace Ciudad.Platform.Security;

public sealed class SecurityOptions
{
    public const string Section = "Ciudad:Security";

    /// <summary>HTTPS redirection, HSTS and Secure-only cookies. On by default; off only for local HTTP runs and tests.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>The port a plain-HTTP request is redirected to when <see cref="RequireHttps"/> (the public port, usually the proxy's).</summary>
    [Range(1, 65535)] public int HttpsPort { get; set; } = 443;

    /// <summary>Which reverse proxies are trusted to say, in X-Forwarded-For/-Proto, who the client is and how it connected.</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    /// <summary>Idle time after which a session ends (sliding).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Staff must enrol TOTP before any staff page.</summary>
    public bool RequireStaffMfa { get; set; } = true;

    /// <summary>Public POSTs per client address per minute (every form a visitor can submit).</summary>
    [Range(1, 100000)] public int PublicPostsPerMinute { get; set; } = 30;

    /// <summary>Sign-in, registration and reset attempts per client address per minute.</summary>
    [Range(1, 100000)] public int AccountAttemptsPerMinute { get; set; } = 10;
}

/// <summary>
/// <c>Ciudad:Security:ForwardedHeaders</c>. Empty lists keep ASP.NET Core's default (only a proxy on
/// the same machine, loopback, is trusted); any entry replaces it, so list every proxy, loopback
/// included if one runs beside the app. Forwarded headers from anyone else are ignored.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = SecurityOptions.Section + ":ForwardedHeaders";

    /// <summary>Proxy addresses, like "10.0.0.5" or "2001:db8::5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, like "10.0.0.0/8".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a chain to read back through (X-Forwarded-For entries from the right).</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>Checks every setting; throws with a message naming the first bad one.</summary>
    public (IReadOnlyList<System.Net.IPAddress> Proxies, IReadOnlyList<System.Net.IPNetwork> Networks) Parse()
    {
        if (ForwardLimit is < 1 or > 20)
        {
            throw new InvalidOperationException($"{Section}:ForwardLimit must be from 1 to 20 (the number of proxies in front of the app); it is {ForwardLimit}.");
        }
        return (ParseProxies(), ParseNetworks());
    }

    public bool IsConfigured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    /// <summary>The proxies, parsed; a setting that is not an address stops the start with a message naming it.</summary>
    public IReadOnlyList<System.Net.IPAddress> ParseProxies() => [.. KnownProxies.Select(text =>
        System.Net.IPAddress.TryParse(text.Trim(), out var address)
            ? address
            : throw new InvalidOperationException(
                $"{Section}:KnownProxies: \"{text}\" is not an IP address. Write one like 10.0.0.5 or 2001:db8::5."))];

    /// <summary>The networks, parsed; a setting that is not CIDR stops the start with a message naming it.</summary>
    public IReadOnlyList<System.Net.IPNetwork> ParseNetworks() => [.. KnownNetworks.Select(text =>
        System.Net.IPNetwork.TryParse(text.Trim(), out var network)
            ? network
            : throw new InvalidOperationException(
                $"{Section}:KnownNetworks: \"{text}\" is not a network in CIDR notation. Write one like 10.0.0.0/8 (the address must be the network's first, e.g. not 10.0.0.1/8)."))];
}
