using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Sla;

namespace Ciudad.ServiceRequests.Seeding;

/// <summary>
/// Makes one plausible request at a time — service, place, reporter, answers, timeline — from a
/// seeded <see cref="Random"/>, so the demo and <c>seed-demo --requests</c> are reproducible.
/// The shapes follow what intake and the workflow would have stored: answers pass
/// <see cref="Intake.AnswerRules"/>, ExpectedAt comes from the <see cref="SlaCalendar"/>, ClosedAt
/// and UpdatedAt match the public timeline. Nothing here sends email or writes the database.
/// </summary>
internal sealed class RequestGenerator
{
    // How often residents report each service (the common four dominate, as in every 311 city).
    private static readonly Dictionary<string, int> ServiceWeights = new(StringComparer.Ordinal)
    {
        ["pothole"] = 20, ["missed-pickup"] = 16, ["graffiti"] = 14, ["streetlight"] = 12, ["illegal-dumping"] = 8,
        ["sidewalk"] = 5, ["bulky-item"] = 5, ["stray-animal"] = 5, ["traffic-signal"] = 4, ["dead-animal"] = 4,
        ["weeds-vacant-lot"] = 4, ["abandoned-vehicle"] = 4, ["park-maintenance"] = 4, ["bus-stop"] = 3, ["animal-bite"] = 1,
    };

    private static readonly (RequestStatus Status, int Weight)[] ClosedStatuses =
    [
        (RequestStatus.Fixed, 68), (RequestStatus.Duplicate, 7), (RequestStatus.NotCityResponsibility, 6),
        (RequestStatus.NoFurtherAction, 7), (RequestStatus.Referred, 5), (RequestStatus.Cancelled, 7),
    ];

    private static readonly (RequestStatus Status, int Weight)[] OpenStatuses =
    [
        (RequestStatus.Received, 25), (RequestStatus.InProgress, 30), (RequestStatus.ActionScheduled, 20),
        (RequestStatus.Investigating, 17), (RequestStatus.Reopened, 8),
    ];

    private readonly (Service Service, int Weight)[] _services;
    private readonly int _totalWeight;
    private readonly SlaCalendar _sla;
    private readonly DemoPlaces _places;
    private readonly Random _random;
    private readonly DateTimeOffset _now;
    private readonly string? _assigneeUserId;
    private readonly bool _includeFollowers;
    private readonly ISet<string> _takenNumbers;

    /// <param name="takenNumbers">Numbers already used; new ones are added as they are drawn.</param>
    public RequestGenerator(IEnumerable<Service> services, SlaCalendar sla, DemoPlaces places, Random random, DateTimeOffset now,
        ISet<string> takenNumbers, string? assigneeUserId, bool includeFollowers)
    {
        _services = [.. services.Where(s => s.IsActive).Select(s => (s, ServiceWeights.GetValueOrDefault(s.Code, 2)))];
        if (_services.Length == 0)
        {
            throw new InvalidOperationException("The 311 catalog has no active services; seed the catalog first.");
        }
        _totalWeight = _services.Sum(s => s.Weight);
        _sla = sla;
        _places = places;
        _random = random;
        _now = now;
        _takenNumbers = takenNumbers;
        _assigneeUserId = assigneeUserId;
        _includeFollowers = includeFollowers;
    }

    /// <summary>A request filed at a random time in the last <paramref name="days"/> days.</summary>
    public ServiceRequest Create(double days, RequestStatus? status = null) =>
        Create(_now - TimeSpan.FromDays(_random.NextDouble() * days), status);

    public ServiceRequest Create(DateTimeOffset requestedAt, RequestStatus? status = null)
    {
        var service = PickService();
        var culture = _random.NextDouble() < 0.35 ? "es" : "en";
        var place = _places.Next(_random);
        var request = new ServiceRequest
        {
            Number = NextNumber(),
            ServiceId = service.Id,
            DepartmentId = service.DepartmentId,
            Description = DemoTexts.DescriptionsFor(service.Code).Pick(_random, culture),
            RequestedAt = requestedAt,
            ExpectedAt = _sla.ExpectedAt(requestedAt, service.SlaKind, service.SlaDays),
            ReporterCulture = culture,
            Priority = PickPriority(service),
            Zipcode = place.Zipcode,
            Address = place.Address,
        };
        // One in ten residents types only an address (no pin); intake then stores no point and no area.
        if (_random.Next(10) != 0)
        {
            request.Latitude = place.Point.Latitude;
            request.Longitude = place.Point.Longitude;
            request.AreaCode = place.AreaCode;
        }
        SetChannelAndReporter(request);
        AddAnswers(request, service, culture);
        BuildTimeline(request, service, status ?? PickStatus(requestedAt));
        if (_includeFollowers)
        {
            AddFollowers(request);
        }
        return request;
    }

    private string NextNumber()
    {
        while (true)
        {
            var number = RequestNumbers.New(_random);
            if (_takenNumbers.Add(number))
            {
                return number;
            }
        }
    }

    private Service PickService()
    {
        var pick = _random.Next(_totalWeight);
        foreach (var (service, weight) in _services)
        {
            if ((pick -= weight) < 0)
            {
                return service;
            }
        }
        return _services[^1].Service;
    }

    private RequestStatus PickStatus(DateTimeOffset requestedAt)
    {
        // Most requests close within a couple of weeks; a few linger in the backlog for good.
        var ageDays = (_now - requestedAt).TotalDays;
        if (_random.NextDouble() < 0.97 * (1 - Math.Exp(-ageDays / 12)))
        {
            return Weighted(ClosedStatuses);
        }
        if (ageDays < 2)
        {
            return _random.Next(4) == 0 ? RequestStatus.InProgress : RequestStatus.Received;
        }
        var open = Weighted(OpenStatuses);
        return open == RequestStatus.Reopened && ageDays < 4 ? RequestStatus.InProgress : open;
    }

    private RequestStatus Weighted((RequestStatus Status, int Weight)[] choices)
    {
        var pick = _random.Next(choices.Sum(c => c.Weight));
        return choices.First(c => (pick -= c.Weight) < 0).Status;
    }

    private RequestPriority PickPriority(Service service) => _random.Next(100) switch
    {
        < 2 => RequestPriority.Urgent,
        < 12 => RequestPriority.High,
        < 22 => RequestPriority.Low,
        _ when service.Code == "traffic-signal" => RequestPriority.High,
        _ => RequestPriority.Normal,
    };

    private void SetChannelAndReporter(ServiceRequest request)
    {
        var channel = _random.Next(100);
        request.Channel = channel < 78 ? RequestChannel.Web : channel < 90 ? RequestChannel.Api : RequestChannel.Staff;
        if (request.Channel == RequestChannel.Api)
        {
            request.Token = Secret(16, request.Number);
        }
        if (_random.Next(100) < 35)
        {
            return; // anonymous, as residents may choose
        }
        var names = request.ReporterCulture == "es" || _random.Next(3) == 0 ? DemoTexts.SpanishNames : DemoTexts.EnglishNames;
        var name = names[_random.Next(names.Length)];
        request.ReporterName = name;
        if (_random.Next(100) < 85)
        {
            // example.com is reserved (RFC 2606): a demo can never write to a real person.
            request.ReporterEmail = string.Create(CultureInfo.InvariantCulture, $"{Ascii(name).Replace(' ', '.')}{_random.Next(10, 999)}@example.com");
        }
        if (_random.Next(100) < 30)
        {
            // 555-0100 to 555-0199 are the numbers set aside for fiction.
            request.ReporterPhone = string.Create(CultureInfo.InvariantCulture, $"915-555-01{_random.Next(100):00}");
        }
    }

    private void AddAnswers(ServiceRequest request, Service service, string culture)
    {
        foreach (var attribute in service.Attributes.Where(a => a.IsVariable).OrderBy(a => a.Order))
        {
            if (!attribute.IsRequired && _random.Next(2) == 0)
            {
                continue;
            }
            foreach (var value in AnswerFor(attribute, request, culture))
            {
                request.Answers.Add(new RequestAnswer { AttributeCode = attribute.Code, Value = value });
            }
        }
    }

    private IEnumerable<string> AnswerFor(ServiceAttribute attribute, ServiceRequest request, string culture)
    {
        switch (attribute.Datatype)
        {
            case AttributeDatatype.SingleValueList when attribute.Values.Count > 0:
                return [attribute.Values[_random.Next(attribute.Values.Count)].Key];
            case AttributeDatatype.MultiValueList when attribute.Values.Count > 0:
                var first = _random.Next(attribute.Values.Count);
                var second = _random.Next(attribute.Values.Count);
                return first == second || _random.Next(2) == 0
                    ? [attribute.Values[first].Key]
                    : [attribute.Values[first].Key, attribute.Values[second].Key];
            case AttributeDatatype.Number:
                return [(attribute.Code == "days_parked" ? _random.Next(3, 45) : _random.Next(1, 9)).ToString(CultureInfo.InvariantCulture)];
            case AttributeDatatype.Datetime:
                return [(request.RequestedAt - TimeSpan.FromMinutes(_random.Next(10, 48 * 60))).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)];
            case AttributeDatatype.Text:
                var texts = attribute.Code == "animal_description" ? DemoTexts.AnimalDescriptions : DemoTexts.BulkyItems;
                return [texts.Pick(_random, culture)];
            case AttributeDatatype.String when attribute.Code == "pole_number":
                return [string.Create(CultureInfo.InvariantCulture, $"EP{_random.Next(10000, 99999)}")];
            case AttributeDatatype.String when attribute.Code == "license_plate":
                return [string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + _random.Next(26))}{(char)('A' + _random.Next(26))}{(char)('A' + _random.Next(26))}{_random.Next(1000, 9999)}")];
            default:
                return [culture == "es" ? "Vea la descripción" : "See description"];
        }
    }

    /// <summary>Received, maybe assigned, maybe a progress update, then the status it ends in; dates in order and in the past.</summary>
    private void BuildTimeline(ServiceRequest request, Service service, RequestStatus status)
    {
        var start = request.RequestedAt;
        var culture = request.ReporterCulture;
        var staff = DemoTexts.StaffNames[_random.Next(DemoTexts.StaffNames.Length)];
        AddEvent(request, start, RequestEventKind.Received, RequestStatus.Received, null, "Reporter", isPublic: true);

        // When the last step happens: closing within about the service's target, or some time before now.
        var targetDays = service.SlaDays > 0 ? service.SlaDays : 7;
        var end = status.IsOpen()
            ? start + (_now - start) * (0.3 + 0.6 * _random.NextDouble())
            : Min(start + TimeSpan.FromDays(Math.Max(0.05, -Math.Log(1 - _random.NextDouble()) * 0.6 * targetDays)), _now);
        if (status == RequestStatus.Received)
        {
            end = start;
        }

        if (status != RequestStatus.Received && _assigneeUserId is not null && _random.Next(10) < 6)
        {
            request.AssignedToUserId = _assigneeUserId;
            AddEvent(request, start + (end - start) * 0.1, RequestEventKind.Assigned, RequestStatus.Received, null, staff, isPublic: false);
        }

        switch (status)
        {
            case RequestStatus.Received:
                break;
            case RequestStatus.Reopened:
                var fixedAt = start + (end - start) * 0.5;
                AddEvent(request, fixedAt, RequestEventKind.StatusChanged, RequestStatus.Fixed, DemoTexts.NoteFor(RequestStatus.Fixed, _random, culture), staff, isPublic: true);
                // The reporter may reopen within the window after closing: two weeks by default.
                var reopenedAt = Min(end, fixedAt + TimeSpan.FromDays(10));
                AddEvent(request, reopenedAt, RequestEventKind.Reopened, RequestStatus.Reopened, DemoTexts.NoteFor(RequestStatus.Reopened, _random, culture), "Reporter", isPublic: true);
                request.ReopenCount = 1;
                break;
            case RequestStatus.Fixed when _random.Next(2) == 0:
                var progress = _random.Next(2) == 0 ? RequestStatus.InProgress : RequestStatus.ActionScheduled;
                AddEvent(request, start + (end - start) * 0.5, RequestEventKind.StatusChanged, progress, DemoTexts.NoteFor(progress, _random, culture), staff, isPublic: true);
                AddEvent(request, end, RequestEventKind.StatusChanged, status, DemoTexts.NoteFor(status, _random, culture), staff, isPublic: true);
                break;
            default:
                AddEvent(request, end, RequestEventKind.StatusChanged, status, DemoTexts.NoteFor(status, _random, culture), staff, isPublic: true);
                break;
        }

        var lastPublic = request.Events.Last(e => e.IsPublic);
        request.Status = status;
        request.IsOpen = status.IsOpen();
        request.UpdatedAt = lastPublic.OccurredAt;
        request.StatusNotes = request.Events.LastOrDefault(e => e.IsPublic && e.Note is not null)?.Note;
        request.ClosedAt = request.IsOpen ? null : lastPublic.OccurredAt;
        // Past due while open: the breach job would already have flagged it (and told managers once).
        if (request.ExpectedAt is { } due && due < (request.ClosedAt ?? _now))
        {
            request.SlaBreachedAt = Min(due + TimeSpan.FromMinutes(5), request.ClosedAt ?? _now);
        }
    }

    private static void AddEvent(ServiceRequest request, DateTimeOffset at, RequestEventKind kind, RequestStatus status, string? note, string actor, bool isPublic) =>
        request.Events.Add(new RequestEvent
        {
            OccurredAt = at,
            Kind = kind,
            IsPublic = isPublic,
            Status = status,
            Note = note,
            ActorName = actor,
        });

    private void AddFollowers(ServiceRequest request)
    {
        if (request.ReporterEmail is not null && _random.Next(100) < 85)
        {
            AddFollower(request, request.ReporterEmail, request.ReporterCulture);
        }
        if (request.IsOpen && _random.Next(100) < 8)
        {
            // A neighbour who found it among the nearby open requests and followed instead of filing a duplicate.
            AddFollower(request, string.Create(CultureInfo.InvariantCulture, $"neighbor{_random.Next(1000, 9999)}@example.com"), _random.Next(2) == 0 ? "es" : "en");
        }
    }

    private void AddFollower(ServiceRequest request, string email, string culture) =>
        request.Followers.Add(new RequestFollower
        {
            Email = email,
            Culture = culture,
            FollowedAt = request.RequestedAt,
            ConfirmedAt = request.RequestedAt,
            UnsubscribeToken = Secret(24, email + request.Number),
        });

    /// <summary>
    /// Hex secret from the seeded generator mixed with something unique (the number), so a second
    /// run with the same seed cannot collide with the first on the unique token indexes.
    /// </summary>
    private string Secret(int bytes, string unique)
    {
        Span<byte> salt = stackalloc byte[16];
        _random.NextBytes(salt);
        var hash = SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(unique)]);
        return Convert.ToHexStringLower(hash.AsSpan(0, Math.Min(bytes, hash.Length)));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string Ascii(string name)
    {
        var decomposed = name.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string([.. decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]);
    }
}
