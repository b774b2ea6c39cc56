using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Ciudad.Platform.Security;

/// <summary>
/// Whose budget a public write spends: the signed-in person's, else the client address's. The
/// host's POST limit and modules' per-item budgets (311 photos) share it, so both count the same poster.
/// </summary>
public static class Poster
{
    public static string Of(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user
            ? "user:" + user
            : "public:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
