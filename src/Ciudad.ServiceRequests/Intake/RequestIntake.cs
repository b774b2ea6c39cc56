using System.Net.Mail;
using System.Security.Cryptography;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Email;
using Ciudad.Platform.Events;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests.Addresses;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Events;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Sla;
using Ciudad.ServiceRequests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Intake;

/// <summary>
/// The one way a request enters Ciudad. Web reports and Open311 POSTs pass the same rules
/// (service active, location inside the city, required answers, photos) and land in the same
/// department queue. The request is committed before this returns: an acknowledged request is
/// never lost.
/// </summary>
internal sealed class RequestIntake(
    CiudadDbContext db,
    CityGeography geography,
    SlaCalendar sla,
    Emails emails,
    IntegrationEvents events,
    AuditLog audit,
    IOptions<ServiceRequestsOptions> options,
    AddressLocator addresses,
    TimeProvider clock)
{
    public const int MaxDescriptionLength = 4000;

    // Every filing runs these two: compiled, so EF does not translate their LINQ each time.
    // The service is read, never changed here: untracked, so saving the request does not scan it.
    private static readonly CompiledQuery<Func<CiudadDbContext, string, CancellationToken, Task<Service?>>> ActiveServiceWithQuestions = new(() =>
        EF.CompileAsyncQuery((CiudadDbContext db, string code, CancellationToken cancellationToken) => db.Set<Service>().AsNoTracking()
            .Include(s => s.Attributes).ThenInclude(a => a.Values)
            // One round trip: a service has a handful of questions and answers, so the joined rows
            // are few, where a split query costs three round trips on every filing.
            .AsSingleQuery()
            .FirstOrDefault(s => s.Code == code && s.IsActive)));

    private static readonly CompiledQuery<Func<CiudadDbContext, string, CancellationToken, Task<bool>>> NumberTaken = new(() =>
        EF.CompileAsyncQuery((CiudadDbContext db, string number, CancellationToken cancellationToken) => db.Set<ServiceRequest>().Any(r => r.Number == number)));

    public async Task<Outcome<ServiceRequest>> SubmitAsync(IntakeSubmission submission, CancellationToken cancellationToken = default)
    {
        submission = WithoutControlCharacters(submission);
        var service = await ActiveServiceWithQuestions.For(db)(db, submission.ServiceCode, cancellationToken);
        if (service is null)
        {
            return Refused(new FieldError("service_code", "Requests.Intake.ServiceUnknown", submission.ServiceCode));
        }

        var errors = new List<FieldError>();
        var point = CheckLocation(submission, errors);
        if (submission.Description is { Length: > MaxDescriptionLength })
        {
            errors.Add(new FieldError("description", "Requests.Intake.DescriptionTooLong", MaxDescriptionLength));
        }
        foreach (var attribute in service.Attributes.OrderBy(a => a.Order))
        {
            errors.AddRange(AnswerRules.Check(attribute, submission.Answers.GetValueOrDefault(attribute.Code)));
        }
        if (submission.Photos.Count > options.Value.MaxPhotos)
        {
            errors.Add(new FieldError("media", "Requests.Intake.TooManyPhotos", options.Value.MaxPhotos));
        }
        var email = submission.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && !IsEmailAddress(email))
        {
            errors.Add(new FieldError("email", "Requests.Intake.EmailInvalid"));
        }
        if (submission.Phone is { Length: > 40 })
        {
            errors.Add(new FieldError("phone", "Requests.Intake.PhoneInvalid"));
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors).As<ServiceRequest>();
        }

        // An address without coordinates is placed from the city's address points when one fits
        // confidently; otherwise the report is still filed, marked unmatched for staff to place.
        var placement = point is null ? await addresses.PlaceAsync(submission.Address, submission.Zipcode, cancellationToken) : null;
        point ??= placement?.Point;

        var now = clock.GetUtcNow();
        var request = new ServiceRequest
        {
            Number = await NewNumberAsync(cancellationToken),
            ServiceId = service.Id,
            DepartmentId = service.DepartmentId,
            Description = submission.Description?.Trim() ?? "",
            Latitude = point?.Latitude,
            Longitude = point?.Longitude,
            Address = Trimmed(submission.Address, 300),
            AddressId = Trimmed(submission.AddressId, 100),
            Zipcode = Trimmed(submission.Zipcode, 10),
            AddressMatch = placement?.Match,
            AreaCode = point is { } p ? geography.AreaOf(p) : null,
            RequestedAt = now,
            UpdatedAt = now,
            ExpectedAt = sla.ExpectedAt(now, service.SlaKind, service.SlaDays),
            Channel = submission.Channel,
            ApiKeyId = submission.ApiKeyId,
            Token = submission.Channel == RequestChannel.Api ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : null,
            DeviceId = Trimmed(submission.DeviceId, 200),
            AccountId = Trimmed(submission.AccountId, 200),
            ReporterUserId = submission.ReporterUserId,
            ReporterName = Trimmed(submission.Name, 200),
            ReporterEmail = string.IsNullOrEmpty(email) ? null : email,
            ReporterPhone = Trimmed(submission.Phone, 40),
            ReporterCulture = SupportedCultures.Normalize(submission.Culture),
        };
        foreach (var attribute in service.Attributes)
        {
            request.Answers.AddRange(AnswerRules.Normalize(attribute, submission.Answers.GetValueOrDefault(attribute.Code))
                .Select(v => new RequestAnswer { AttributeCode = attribute.Code, Value = v }));
        }
        request.Photos.AddRange(submission.Photos.Select((photo, i) => new RequestPhoto
        {
            Id = Guid.CreateVersion7(now),
            Order = i,
            ContentType = photo.ContentType,
            Content = photo.Content,
            Thumbnail = photo.Thumbnail,
            Width = photo.Width,
            Height = photo.Height,
            UploadedAt = now,
        }));
        request.Events.Add(new RequestEvent
        {
            OccurredAt = now,
            Kind = RequestEventKind.Received,
            IsPublic = true,
            Status = RequestStatus.Received,
            ActorUserId = submission.FiledBy?.UserId,
            ActorName = submission.FiledBy?.Name ?? "Reporter",
        });
        if (submission.PhotoLinks.Count > 0)
        {
            // Links only, one a line: staff open them if they want to; nothing is fetched or published.
            request.Events.Add(new RequestEvent
            {
                OccurredAt = now,
                Kind = RequestEventKind.InternalNote,
                IsPublic = false,
                Status = RequestStatus.Received,
                ActorName = "Reporter",
                Note = string.Join('\n', submission.PhotoLinks),
            });
        }
        db.Requests().Add(request);

        if (request.ReporterEmail is not null)
        {
            emails.Queue(request.ReporterEmail, request.ReporterCulture, "RequestReceived",
                RequestNumbers.Format(request.Number), service.Name[request.ReporterCulture],
                emails.Link(RequestLinks.Track(request.Number)));
            if (submission.NotifyByEmail)
            {
                RequestFollowing.AddFollower(request, request.ReporterEmail, request.ReporterCulture, submission.ReporterUserId, now);
            }
        }
        events.Publish(RequestEventFacts.Filed(request, service));
        if (submission.FiledBy is not null)
        {
            // Staff speak for the caller here, so the record says who typed it (the audit actor) and how it came in.
            audit.Record("servicerequests.filed-for-caller", nameof(ServiceRequest), request.Number, null,
                new { ServiceCode = service.Code, Channel = request.Channel.ToString(), HasEmail = request.ReporterEmail is not null, request.ReporterCulture });
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Of(request);
    }

    private GeoPoint? CheckLocation(IntakeSubmission submission, List<FieldError> errors)
    {
        if (submission.Latitude is { } lat && submission.Longitude is { } lon)
        {
            var point = new GeoPoint(lat, lon);
            if (!point.IsValid)
            {
                errors.Add(new FieldError("lat", "Requests.Intake.LocationInvalid"));
                return null;
            }
            if (!geography.IsInsideCity(point))
            {
                errors.Add(new FieldError("lat", "Requests.Intake.OutsideCity"));
                return null;
            }
            return point;
        }
        if (submission.Latitude is not null || submission.Longitude is not null)
        {
            errors.Add(new FieldError("lat", "Requests.Intake.LocationIncomplete"));
            return null;
        }
        if (string.IsNullOrWhiteSpace(submission.Address) && string.IsNullOrWhiteSpace(submission.AddressId))
        {
            errors.Add(new FieldError("address_string", "Requests.Intake.LocationRequired"));
        }
        else if (submission.Address is { Length: > 300 })
        {
            errors.Add(new FieldError("address_string", "Requests.Intake.AddressTooLong"));
        }
        return null;
    }

    private async Task<string> NewNumberAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var number = RequestNumbers.New();
            if (!await NumberTaken.For(db)(db, number, cancellationToken))
            {
                return number;
            }
        }
    }

    private static bool IsEmailAddress(string value) =>
        value.Length <= 256 && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value;

    private static string? Trimmed(string? value, int max)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > max ? trimmed[..max] : trimmed;
    }

    private static Outcome<ServiceRequest> Refused(FieldError error) => Outcome.Invalid([error]).As<ServiceRequest>();

    // Every channel gets the same cleaning, so a pasted NUL is dropped instead of failing on PostgreSQL.
    private static IntakeSubmission WithoutControlCharacters(IntakeSubmission s) => s with
    {
        ServiceCode = PlainText.Clean(s.ServiceCode) ?? "",
        Address = PlainText.Clean(s.Address),
        AddressId = PlainText.Clean(s.AddressId),
        Zipcode = PlainText.Clean(s.Zipcode),
        Description = PlainText.Clean(s.Description),
        Name = PlainText.Clean(s.Name),
        Email = PlainText.Clean(s.Email),
        Phone = PlainText.Clean(s.Phone),
        DeviceId = PlainText.Clean(s.DeviceId),
        AccountId = PlainText.Clean(s.AccountId),
        Answers = s.Answers.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)[.. a.Value.Select(v => PlainText.Clean(v) ?? "")]),
    };
}
