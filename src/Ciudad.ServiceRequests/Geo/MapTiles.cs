namespace Ciudad.ServiceRequests.Geo;

/// <summary>The configured map tile server, as the content security policy needs it.</summary>
internal static class MapTiles
{
    /// <summary>"https://tile.openstreetmap.org" from a tile URL template; null when it is on this site.</summary>
    public static string? Origin(string tileUrl)
    {
        var withoutPlaceholders = tileUrl.Replace("{s}", "a", StringComparison.Ordinal);
        if (!Uri.TryCreate(withoutPlaceholders.Split('{')[0], UriKind.Absolute, out var uri))
        {
            return null;
        }
        // {s} subdomains (a.tile…, b.tile…) need a wildcard.
        var host = tileUrl.Contains("{s}.", StringComparison.Ordinal) ? "*." + uri.Host[(uri.Host.IndexOf('.', StringComparison.Ordinal) + 1)..] : uri.Host;
        return $"{uri.Scheme}://{host}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}";
    }
}
