using Ciudad.ServiceRequests.Photos;
using Ciudad.ServiceRequests.Requests;

namespace Ciudad.ServiceRequests.Intake;

/// <summary>Everything a report carries, whichever way it came in (web journey or Open311 POST).</summary>
internal sealed record IntakeSubmission
{
    public required string ServiceCode { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Address { get; init; }
    public string? AddressId { get; init; }
    public string? Zipcode { get; init; }
    public string? Description { get; init; }

    /// <summary>Answers by attribute code; a multi-value list answer has several values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Answers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Already processed (sniffed, stripped, re-encoded) by <see cref="PhotoProcessor"/>.</summary>
    public IReadOnlyList<ProcessedPhoto> Photos { get; init; } = [];

    /// <summary>Photo links an Open311 client sent (<c>media_url</c>): kept for staff, never fetched or published.</summary>
    public IReadOnlyList<string> PhotoLinks { get; init; } = [];

    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }

    /// <summary>Language of the reporter's emails.</summary>
    public string Culture { get; init; } = "en";

    /// <summary>Email the reporter on every public update (needs <see cref="Email"/>).</summary>
    public bool NotifyByEmail { get; init; } = true;
    public string? ReporterUserId { get; init; }

    public RequestChannel Channel { get; init; } = RequestChannel.Web;
    public int? ApiKeyId { get; init; }
    public string? DeviceId { get; init; }
    public string? AccountId { get; init; }

    /// <summary>The staff member filing on a caller's behalf: named in the timeline and audited. Null for residents and apps.</summary>
    public IntakeFiler? FiledBy { get; init; }
}

/// <summary>Who filed a report for someone else (a phone caller, a walk-in).</summary>
internal sealed record IntakeFiler(string UserId, string Name);
