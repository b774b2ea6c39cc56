using System.Globalization;
using Ciudad.Platform.City;
using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// mySociety's <c>POST servicerequestupdates</c>: how FixMyStreet sends a comment (and the status
/// its user chose) on a report it filed here. The update becomes an internal timeline entry
/// (<see cref="RequestEventKind.ClientUpdate"/>) for staff to review: nothing is published and the
/// request's status does not change until staff act, because the comment is already public on the
/// client's site and the city decides what it says. Idempotent per key and <c>update_id</c>.
/// </summary>
internal sealed class Open311UpdateWriter(
    CiudadDbContext db,
    Open311KeyGate gate,
    IOptions<CityOptions> city,
    IOptions<ServiceRequestsOptions> options,
    TimeProvider clock)
{
    /// <summary>mySociety's upper-case statuses (open311-adapter's <c>status_extended_upper</c>, plus the OpenAPI's additions).</summary>
    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "OPEN", "CLOSED", "FIXED", "IN_PROGRESS", "ACTION_SCHEDULED", "INVESTIGATING", "DUPLICATE",
        "NOT_COUNCILS_RESPONSIBILITY", "NO_FURTHER_ACTION", "INTERNAL_REFERRAL", "REOPEN", "FOR_TRIAGE",
        "PLANNED", "CANCELLED",
    };

    public async Task<IResult> PostAsync(HttpContext http, Open311Format format, CancellationToken cancellationToken)
    {
        var admission = await gate.AdmitAsync(http, format, "post a service request update", cancellationToken);
        if (admission is not { Input: { } input, Key: { } key })
        {
            return admission.Refusal!;
        }

        var errors = new List<string>();
        var number = input.Text("service_request_id");
        if (number is null)
        {
            errors.Add("service_request_id is required: the id Ciudad answered when the request was filed.");
        }
        var updateId = input.Text("update_id");
        if (updateId is null || updateId.Length > Open311ClientUpdateConfiguration.MaxClientUpdateIdLength)
        {
            errors.Add($"update_id is required: your own id for this update (at most {Open311ClientUpdateConfiguration.MaxClientUpdateIdLength} characters); sending it again returns the same answer.");
        }
        var status = input.Text("status")?.ToUpperInvariant();
        if (status is null || !Statuses.Contains(status))
        {
            errors.Add($"status must be one of {string.Join(", ", Statuses)}.");
        }
        var description = input.Text("description") ?? "";
        if (description.Length > Intake.RequestIntake.MaxDescriptionLength)
        {
            errors.Add($"description is longer than {Intake.RequestIntake.MaxDescriptionLength} characters.");
        }
        try
        {
            if (input.DateTime("updated_datetime", city.Value.TimeZoneInfo) is null)
            {
                errors.Add("updated_datetime is required: when the update was made, like 2026-01-05T08:15:30-07:00.");
            }
        }
        catch (Open311Problem problem)
        {
            errors.Add(problem.Message);
        }
        IReadOnlyList<string> links = [];
        try
        {
            links = MediaLinks.Read(input, options.Value.MaxPhotos);
        }
        catch (Open311Problem problem)
        {
            errors.Add(problem.Message);
        }
        if (errors.Count > 0)
        {
            return Open311Result.Errors(format, StatusCodes.Status400BadRequest, errors);
        }

        if (await EarlierAsync(key.Id, updateId!, cancellationToken) is { } earlier)
        {
            return Answer(format, earlier);
        }
        var normalized = RequestNumbers.Normalize(number);
        var request = normalized is null ? null
            : await db.Requests().AsNoTracking().Where(r => r.Number == normalized).Select(r => new { r.Id, r.Status }).FirstOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return Open311Result.Error(format, StatusCodes.Status404NotFound, $"There is no service request with service_request_id '{Open311Call.Truncate(number!)}'.");
        }

        var now = clock.GetUtcNow();
        var entry = new RequestEvent
        {
            RequestId = request.Id,
            OccurredAt = now,
            Kind = RequestEventKind.ClientUpdate,
            IsPublic = false,
            Status = request.Status,
            ActorName = Actor(key.Name, input),
            Note = string.Join("\n\n", new[] { description, string.Join('\n', links) }.Where(p => p.Length > 0)),
            Detail = status,
        };
        db.RequestEvents().Add(entry);
        db.Set<Open311ClientUpdate>().Add(new Open311ClientUpdate { ApiKeyId = key.Id, ClientUpdateId = updateId!, RequestEvent = entry, ReceivedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same update sent twice at once: the other copy was stored first (else it is a real failure).
            db.ChangeTracker.Clear();
            if (await EarlierAsync(key.Id, updateId!, CancellationToken.None) is { } raced)
            {
                return Answer(format, raced);
            }
            throw;
        }
        return Answer(format, entry.Id);
    }

    private async Task<long?> EarlierAsync(int keyId, string updateId, CancellationToken cancellationToken) =>
        await db.Set<Open311ClientUpdate>().AsNoTracking()
            .Where(u => u.ApiKeyId == keyId && u.ClientUpdateId == updateId)
            .Select(u => (long?)u.RequestEventId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Who staff see as the author: the person the client names, and the client's key.</summary>
    private static string Actor(string keyName, Open311Input input)
    {
        var person = string.Join(' ', new[] { input.Text("first_name"), input.Text("last_name") }.Where(n => n is { Length: > 0 } && n != "-"));
        var email = input.Text("email");
        var who = string.Join(' ', new[] { person, email is null ? null : $"<{email}>" }.Where(p => !string.IsNullOrEmpty(p)));
        var actor = who.Length > 0 ? $"{who} · {keyName}" : keyName;
        return actor.Length <= 200 ? actor : actor[..200];
    }

    /// <summary><c>service_request_updates/request_update/update_id</c> (JSON: a bare array).</summary>
    private static Open311Result Answer(Open311Format format, long eventId) =>
        Open311Result.Ok(format, new Open311List("service_request_updates", "request_update",
            [Open311Record.Of("request_update", ("update_id", eventId.ToString(CultureInfo.InvariantCulture)))]));
}
