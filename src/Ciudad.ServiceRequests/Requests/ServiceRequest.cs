using Ciudad.ServiceRequests.Catalog;

namespace Ciudad.ServiceRequests.Requests;

/// <summary>
/// One report from a resident or an Open311 client. The reporter's contact details are personal
/// data: they never leave staff pages (not in public pages, feeds or the Open311 API).
/// </summary>
internal sealed class ServiceRequest
{
    public long Id { get; set; }

    /// <summary>The short, typeable number residents see and Open311 calls <c>service_request_id</c>.</summary>
    public required string Number { get; set; }

    public int ServiceId { get; set; }
    public Service? Service { get; set; }

    /// <summary>Owning department: the service's at intake, changed by a reroute.</summary>
    public int DepartmentId { get; set; }

    public RequestStatus Status { get; set; } = RequestStatus.Received;

    /// <summary>Stored projection of <see cref="Status"/> so open/closed filters use an index.</summary>
    public bool IsOpen { get; set; } = true;
    public RequestPriority Priority { get; set; } = RequestPriority.Normal;

    public string Description { get; set; } = "";

    /// <summary>WGS 84 position; null when the resident gave only an address.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Address { get; set; }
    public string? AddressId { get; set; }
    public string? Zipcode { get; set; }

    /// <summary>
    /// For a request given only an address: whether the address locator placed it (exact or fuzzy,
    /// and then <see cref="Latitude"/>/<see cref="Longitude"/> are the address point's) or could not
    /// (unmatched, for staff to place). Null when the reporter gave coordinates.
    /// </summary>
    public Addresses.AddressMatch? AddressMatch { get; set; }

    /// <summary>Code of the configured city area the point falls in (for filters); null when unknown.</summary>
    public string? AreaCode { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>Last public change (Open311 <c>updated_datetime</c>).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>From the service's SLA at intake (Open311 <c>expected_datetime</c>); null when it has none.</summary>
    public DateTimeOffset? ExpectedAt { get; set; }

    /// <summary>When the breach job found the request open past <see cref="ExpectedAt"/>; managers were told once.</summary>
    public DateTimeOffset? SlaBreachedAt { get; set; }

    /// <summary>Latest public status note (Open311 <c>status_notes</c>).</summary>
    public string? StatusNotes { get; set; }

    public RequestChannel Channel { get; set; }
    public int? ApiKeyId { get; set; }

    /// <summary>Open311 <c>token</c>: lets an API client find its request later.</summary>
    public string? Token { get; set; }
    public string? DeviceId { get; set; }
    public string? AccountId { get; set; }

    // The reporter. All optional: anonymous reports are allowed.
    public string? ReporterUserId { get; set; }
    public string? ReporterName { get; set; }
    public string? ReporterEmail { get; set; }
    public string? ReporterPhone { get; set; }

    /// <summary>Language of the reporter's emails ("en"/"es").</summary>
    public string ReporterCulture { get; set; } = "en";

    public string? AssignedToUserId { get; set; }

    /// <summary>Set when merged into another request as its duplicate.</summary>
    public long? ParentRequestId { get; set; }

    /// <summary>The reporter may reopen once, within the configured window after closing.</summary>
    public int ReopenCount { get; set; }

    public List<RequestAnswer> Answers { get; set; } = [];
    public List<RequestPhoto> Photos { get; set; } = [];
    public List<RequestEvent> Events { get; set; } = [];
    public List<RequestFollower> Followers { get; set; } = [];
}

/// <summary>An answer to one of the service's questions; a multi-value answer is one row per value.</summary>
internal sealed class RequestAnswer
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public required string AttributeCode { get; set; }
    public required string Value { get; set; }
}

/// <summary>
/// A photo after processing: re-encoded (so nothing of the upload survives but pixels), metadata
/// including GPS removed, with a thumbnail.
/// </summary>
internal sealed class RequestPhoto
{
    public Guid Id { get; set; }
    public long RequestId { get; set; }
    public int Order { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public required byte[] Thumbnail { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>Staff can hide a photo (a face, a licence plate) from public pages.</summary>
    public bool IsPublic { get; set; } = true;
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>Someone who gets an email on every public update: the reporter or a neighbour who followed (once confirmed).</summary>
internal sealed class RequestFollower
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public required string Email { get; set; }
    public string? UserId { get; set; }
    public string Culture { get; set; } = "en";
    public DateTimeOffset FollowedAt { get; set; }

    /// <summary>Secret in the unsubscribe link of every update email.</summary>
    public required string UnsubscribeToken { get; set; }

    /// <summary>
    /// When the address was proven to be the follower's (the emailed link, or a signed-in account's
    /// confirmed address); null until then, and only confirmed followers are emailed updates.
    /// </summary>
    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>SHA-256 (hex) of the single-use link in the confirmation email; the link itself is never stored.</summary>
    public string? ConfirmationTokenHash { get; set; }

    /// <summary>When the last confirmation email was queued: the link expires from here, and resends wait.</summary>
    public DateTimeOffset? ConfirmationSentAt { get; set; }
}
