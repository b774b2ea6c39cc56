using Ciudad.Platform.Data;
using Ciudad.Platform.Privacy;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Privacy;

/// <summary>
/// 311's part in "download my data" and account deletion. The person's requests are those filed
/// while signed in and those filed earlier with the account's confirmed email address (the same
/// rule as "My requests"); their follows likewise.
/// </summary>
internal sealed class RequestPersonalData(CiudadDbContext db) : IPersonalDataContributor
{
    public string Section => "serviceRequests";

    public async Task<object?> ExportAsync(PersonalDataSubject person, CancellationToken cancellationToken)
    {
        var reported = await Reported(db.Requests().AsNoTracking(), person)
            .OrderBy(r => r.RequestedAt).ThenBy(r => r.Id)
            .Select(r => new
            {
                number = r.Number,
                service = r.Service!.Code,
                status = r.Status.ToString(),
                r.RequestedAt,
                r.Description,
                r.Address,
                r.Latitude,
                r.Longitude,
                name = r.ReporterName,
                email = r.ReporterEmail,
                phone = r.ReporterPhone,
                language = r.ReporterCulture,
            })
            .ToListAsync(cancellationToken);
        var follows = await Followed(db.RequestFollowers().AsNoTracking(), person)
            .Join(db.Requests(), f => f.RequestId, r => r.Id, (f, r) => new { number = r.Number, f.Email, language = f.Culture, f.FollowedAt, f.ConfirmedAt })
            .OrderBy(f => f.FollowedAt)
            .ToListAsync(cancellationToken);
        return new { reported, follows };
    }

    public async Task EraseAsync(PersonalDataSubject person, CancellationToken cancellationToken)
    {
        // The requests stay (the city must keep them, and neighbours follow them); who filed them goes.
        foreach (var request in await Reported(db.Requests(), person).ToListAsync(cancellationToken))
        {
            request.ReporterUserId = null;
            request.ReporterName = null;
            request.ReporterEmail = null;
            request.ReporterPhone = null;
        }
        // Nobody is left to email: following ends with the account.
        db.RequestFollowers().RemoveRange(await Followed(db.RequestFollowers(), person).ToListAsync(cancellationToken));
        foreach (var entry in await db.Set<RequestEvent>().Where(e => e.ActorUserId == person.UserId).ToListAsync(cancellationToken))
        {
            entry.ActorUserId = null;
        }
    }

    // ToLower() in these queries is SQL lower() on both providers, not .NET's culture-dependent one.
#pragma warning disable CA1304, CA1311, CA1862

    /// <summary>Requests the person filed: signed in, or with their confirmed address (compared without case).</summary>
    internal static IQueryable<ServiceRequest> Reported(IQueryable<ServiceRequest> requests, PersonalDataSubject person)
    {
        var email = person.ConfirmedEmail?.ToLowerInvariant();
        return email is null
            ? requests.Where(r => r.ReporterUserId == person.UserId)
            : requests.Where(r => r.ReporterUserId == person.UserId || r.ReporterEmail!.ToLower() == email);
    }

    internal static IQueryable<RequestFollower> Followed(IQueryable<RequestFollower> followers, PersonalDataSubject person)
    {
        var email = person.ConfirmedEmail?.ToLowerInvariant();
        return email is null
            ? followers.Where(f => f.UserId == person.UserId)
            : followers.Where(f => f.UserId == person.UserId || f.Email.ToLower() == email);
    }
#pragma warning restore CA1304, CA1311, CA1862
}
