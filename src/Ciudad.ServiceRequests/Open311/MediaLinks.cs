namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// <c>media_url</c>: links to photos the client keeps (FixMyStreet sends its own photo URLs, one
/// <c>media_url</c> per photo). Ciudad never fetches them, so a client cannot make the server call
/// into private networks; they are kept as links in the request's staff-only timeline and never
/// published (the resident's photo may show a face or a house). Anything that is not an absolute
/// http(s) URL is a 400 naming it, never dropped.
/// </summary>
internal static class MediaLinks
{
    public const int MaxLength = 700;

    public static IReadOnlyList<string> Read(Open311Input input, int max)
    {
        var links = input.All("media_url").Distinct(StringComparer.Ordinal).ToList();
        if (links.Count > max)
        {
            throw Open311Problem.BadRequest($"media_url is given {links.Count} times; at most {max} photo links are kept.");
        }
        foreach (var link in links)
        {
            if (link.Length > MaxLength || !Uri.TryCreate(link, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(uri.Host))
            {
                throw Open311Problem.BadRequest($"media_url '{Open311Call.Truncate(link)}' is not a web link: send an absolute http or https URL of at most {MaxLength} characters, or upload the photo as a file part.");
            }
        }
        return links;
    }
}
