using Ciudad.Platform.Identity;
using System.Security.Cryptography;
using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Workflow;

/// <summary>Who gets emailed about a request: the reporter, and neighbours who followed instead of filing a duplicate.</summary>
internal sealed class RequestFollowing(CiudadDbContext db, TimeProvider clock)
{
    /// <summary>Adds a follower to a request being built or already loaded with its followers; the caller saves.</summary>
    public static RequestFollower AddFollower(ServiceRequest request, string email, string culture, string? userId, DateTimeOffset now)
    {
        var existing = request.Followers.FirstOrDefault(f => string.Equals(f.Email, email, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            // Someone typing an address that already follows changes nothing: not its language,
            // not whose account it belongs to (follows are not confirmed by email).
            return existing;
        }
        var follower = new RequestFollower
        {
            Email = email.Trim(),
            Culture = SupportedCultures.Normalize(culture),
            UserId = userId,
            FollowedAt = now,
            UnsubscribeToken = NewToken(),
        };
        request.Followers.Add(follower);
        return follower;
    }

    /// <summary>Follows an open, non-hidden request; false when there is no such request. Following twice is harmless.</summary>
    public async Task<bool> FollowAsync(string number, string email, string culture, string? userId, CancellationToken cancellationToken = default)
    {
        var request = await db.Requests().Include(r => r.Followers)
            .FirstOrDefaultAsync(r => r.Number == number && r.Service!.Sensitivity != Catalog.Sensitivity.Hidden, cancellationToken);
        // A hidden request answers exactly like an unknown one: its existence is not public.
        if (request is null || !request.IsOpen)
        {
            return false;
        }
        AddFollower(request, email, culture, userId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Stops the emails of the follower holding this token; false when the token is unknown.</summary>
    public async Task<bool> UnsubscribeAsync(string token, CancellationToken cancellationToken = default)
    {
        var follower = await db.RequestFollowers().FirstOrDefaultAsync(f => f.UnsubscribeToken == token, cancellationToken);
        if (follower is null)
        {
            return false;
        }
        db.RequestFollowers().Remove(follower);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
