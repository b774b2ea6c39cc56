using System.Security.Cryptography;
using System.Text;
using Ciudad.Platform.Data;
using Ciudad.Platform.Email;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Privacy;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Workflow;

/// <summary>What following a request led to; the page says the same for every address it does not know to be the visitor's.</summary>
internal enum FollowResult
{
    /// <summary>No such open, public request.</summary>
    NotFollowable,

    /// <summary>The signed-in resident's own confirmed address: updates start now.</summary>
    Following,

    /// <summary>Any other address: "check your email", whether a link was sent, recently sent, or not needed.</summary>
    CheckEmail,
}

/// <summary>
/// Who gets emailed about a request: the reporter, and neighbours who followed instead of filing a
/// duplicate. A neighbour's address must be confirmed by the emailed link before any update goes
/// to it, so nobody can subscribe someone else's inbox.
/// </summary>
internal sealed class RequestFollowing(CiudadDbContext db, Emails emails, TimeProvider clock)
{
    /// <summary>
    /// How long a confirmation link works. A week covers a weekend away from the inbox; after it the
    /// resident simply follows again and gets a fresh link.
    /// </summary>
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromDays(7);

    /// <summary>Following again with an unconfirmed address sends a new link at most this often, so the form cannot flood an inbox.</summary>
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Adds a confirmed follower (the reporter, who gave the address with the report) to a request
    /// being built or already loaded with its followers; the caller saves.
    /// </summary>
    public static RequestFollower AddFollower(ServiceRequest request, string email, string culture, string? userId, DateTimeOffset now)
    {
        var follower = Find(request, email) ?? New(request, email, culture, userId, now);
        follower.ConfirmedAt ??= now;
        follower.ConfirmationTokenHash = null;
        return follower;
    }

    /// <summary>
    /// Follows an open, non-hidden request. A signed-in resident's own confirmed address follows at
    /// once; any other address gets a confirmation link (at most one per <see cref="ResendInterval"/>).
    /// </summary>
    /// <param name="person">The signed-in resident, or null.</param>
    public async Task<FollowResult> FollowAsync(string number, string email, string culture, PersonalDataSubject? person, CancellationToken cancellationToken = default)
    {
        var request = await db.Requests().Include(r => r.Followers)
            .FirstOrDefaultAsync(r => r.Number == number && r.Service!.Sensitivity != Catalog.Sensitivity.Hidden, cancellationToken);
        // A hidden request answers exactly like an unknown one: its existence is not public.
        if (request is null || !request.IsOpen)
        {
            return FollowResult.NotFollowable;
        }
        email = email.Trim();
        var now = clock.GetUtcNow();
        var existing = Find(request, email);
        if (person?.ConfirmedEmail is { } own && string.Equals(own, email, StringComparison.OrdinalIgnoreCase))
        {
            var follower = AddFollower(request, email, culture, person.UserId, now);
            follower.UserId ??= person.UserId;
            await db.SaveChangesAsync(cancellationToken);
            return FollowResult.Following;
        }
        if (existing?.ConfirmedAt is not null)
        {
            // Already following: nothing to send, and the answer must not tell a stranger so.
            return FollowResult.CheckEmail;
        }
        if (existing?.ConfirmationSentAt is { } sent && now - sent < ResendInterval)
        {
            return FollowResult.CheckEmail;
        }
        var pending = existing ?? New(request, email, culture, person?.UserId, now);
        // The newest request decides the language: it is the page the person is reading now.
        pending.Culture = SupportedCultures.Normalize(culture);
        var token = NewToken();
        pending.ConfirmationTokenHash = Hash(token);
        pending.ConfirmationSentAt = now;
        emails.Queue(pending.Email, pending.Culture, "ConfirmFollow",
            RequestNumbers.Format(request.Number),
            emails.Link(RequestLinks.ConfirmFollow(token)),
            emails.Link(RequestLinks.Track(request.Number)),
            (int)ConfirmationLifetime.TotalDays);
        await db.SaveChangesAsync(cancellationToken);
        return FollowResult.CheckEmail;
    }

    /// <summary>The pending follow a confirmation link belongs to; null when unknown or already used.</summary>
    public async Task<PendingFollow?> FindPendingAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = Hash(token);
        var found = await db.RequestFollowers().AsNoTracking().Where(f => f.ConfirmationTokenHash == hash)
            .Join(db.Requests(), f => f.RequestId, r => r.Id, (f, r) => new { r.Number, f.ConfirmationSentAt })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new PendingFollow(found.Number, IsExpired(found.ConfirmationSentAt));
    }

    /// <summary>Confirms the follow holding this link; null when unknown, used or expired (nothing changes then).</summary>
    public async Task<string?> ConfirmAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = Hash(token);
        var follower = await db.RequestFollowers().FirstOrDefaultAsync(f => f.ConfirmationTokenHash == hash, cancellationToken);
        if (follower is null || IsExpired(follower.ConfirmationSentAt))
        {
            return null;
        }
        follower.ConfirmedAt = clock.GetUtcNow();
        // Single use: the link stops working once it has done its job.
        follower.ConfirmationTokenHash = null;
        await db.SaveChangesAsync(cancellationToken);
        return await db.Requests().Where(r => r.Id == follower.RequestId).Select(r => r.Number).SingleAsync(cancellationToken);
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

    private bool IsExpired(DateTimeOffset? sentAt) => sentAt is null || clock.GetUtcNow() - sentAt.Value > ConfirmationLifetime;

    private static RequestFollower? Find(ServiceRequest request, string email) =>
        request.Followers.FirstOrDefault(f => string.Equals(f.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));

    private static RequestFollower New(ServiceRequest request, string email, string culture, string? userId, DateTimeOffset now)
    {
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

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>Only the hash is stored, so a leaked database backup cannot confirm anyone's follow.</summary>
    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>A confirmation link's follow: the request, and whether the link is too old to use.</summary>
internal sealed record PendingFollow(string Number, bool Expired);
