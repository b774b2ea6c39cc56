using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// Paging signals on a list answer: <c>X-Total-Count</c> and an RFC 8288 <c>Link</c> header with
/// <c>first</c>, <c>prev</c>, <c>next</c> and <c>last</c>. GeoReport v2 has no paging, so clients that
/// know nothing of it still see that there is more; those that loop page by page stop at an empty page.
/// </summary>
internal static class Open311Paging
{
    public static IReadOnlyList<KeyValuePair<string, string>> Headers(HttpRequest request, Open311Presenter presenter, int page, int pageSize, int total)
    {
        var lastPage = Math.Max(1, (total + pageSize - 1) / pageSize);
        var links = new List<string> { Link(request, presenter, 1, "first") };
        if (page > 1)
        {
            links.Add(Link(request, presenter, Math.Min(page - 1, lastPage), "prev"));
        }
        if (page < lastPage)
        {
            links.Add(Link(request, presenter, page + 1, "next"));
        }
        links.Add(Link(request, presenter, lastPage, "last"));
        return
        [
            new("Link", string.Join(", ", links)),
            new("X-Total-Count", total.ToString(CultureInfo.InvariantCulture)),
        ];
    }

    /// <summary>The same call (every argument kept, in order) for another page, as an absolute URL.</summary>
    private static string Link(HttpRequest request, Open311Presenter presenter, int page, string rel)
    {
        var query = new QueryBuilder(request.Query.Where(q => q.Key != "page")
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))))
        {
            { "page", page.ToString(CultureInfo.InvariantCulture) },
        };
        return $"<{presenter.Absolute(request.PathBase + request.Path + query.ToQueryString())}>; rel=\"{rel}\"";
    }
}
