using System.Globalization;

namespace Ciudad.Web.CommandLine;

/// <summary>The options of <c>apikey create --name N [--limit P]</c>, taken out of the argument list.</summary>
public sealed record ApiKeyArguments(string? Name, int? Limit, string? Error)
{
    public static ApiKeyArguments Parse(List<string> rest)
    {
        var name = Take(rest, "--name");
        var limitText = Take(rest, "--limit");
        if (string.IsNullOrWhiteSpace(name) || name.Length > Ciudad.ServiceRequests.Open311.ApiKeyService.MaxNameLength)
        {
            return new(null, null, "apikey create needs --name <name> (up to 100 characters).");
        }
        if (limitText is null)
        {
            return new(name, null, null);
        }
        return int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
            && limit is >= 1 and <= Ciudad.ServiceRequests.Open311.ApiKeyService.MaxRequestsPerMinute
            ? new(name, limit, null)
            : new(null, null, "--limit must be a whole number of requests per minute, from 1 to 100000.");
    }

    private static string? Take(List<string> rest, string option)
    {
        var at = rest.IndexOf(option);
        if (at < 0 || at + 1 >= rest.Count)
        {
            return null;
        }
        var value = rest[at + 1];
        rest.RemoveRange(at, 2);
        return value;
    }
}
