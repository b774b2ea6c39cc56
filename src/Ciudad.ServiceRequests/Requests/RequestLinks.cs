namespace Ciudad.ServiceRequests.Requests;

/// <summary>Public paths of a request, used in emails, feeds and the Open311 <c>media_url</c>.</summary>
internal static class RequestLinks
{
    public static string Track(string number) => $"/requests/{number}";
    public static string Photo(string number, Guid photoId) => $"/requests/{number}/photos/{photoId:N}";
    public static string Thumbnail(string number, Guid photoId) => $"/requests/{number}/photos/{photoId:N}/thumbnail";
    public static string Unsubscribe(string token) => $"/requests/unsubscribe/{token}";
    public static string ConfirmFollow(string token) => $"/requests/follow/confirm/{token}";
}
