using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Ciudad.Platform.Audit;

/// <summary>Who did something: a signed-in person, or the system/operator command line.</summary>
public sealed record AuditActor(string? UserId, string? Email, string? IpAddress)
{
    public static AuditActor System { get; } = new(null, "system", null);
}

public interface IAuditActorAccessor
{
    AuditActor Current { get; }
}

/// <summary>Reads the actor from the current request; outside a request the actor is the system.</summary>
public sealed class HttpAuditActorAccessor(IHttpContextAccessor http) : IAuditActorAccessor
{
    public AuditActor Current
    {
        get
        {
            var context = http.HttpContext;
            if (context is null)
            {
                return AuditActor.System;
            }
            var user = context.User;
            var ip = context.Connection.RemoteIpAddress?.ToString();
            return user.Identity?.IsAuthenticated == true
                ? new AuditActor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name, ip)
                : new AuditActor(null, null, ip);
        }
    }
}
