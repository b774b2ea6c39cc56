namespace Ciudad.ServiceRequests.Requests;

/// <summary>
/// One entry in a request's timeline. Public entries are shown on the tracking page, emailed to
/// followers and served as Open311 updates; internal ones only to staff.
/// </summary>
internal sealed class RequestEvent
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public RequestEventKind Kind { get; set; }
    public bool IsPublic { get; set; }

    /// <summary>The request's status after this event.</summary>
    public RequestStatus Status { get; set; }
    public string? Note { get; set; }

    /// <summary>Null for the reporter, the public or the system.</summary>
    public string? ActorUserId { get; set; }

    /// <summary>Shown to staff ("Ana Ruiz", "Reporter", "System"); never shown publicly.</summary>
    public string? ActorName { get; set; }

    /// <summary>Machine-readable detail for staff (old/new assignee, department, merged request number).</summary>
    public string? Detail { get; set; }
}

internal enum RequestEventKind
{
    Received = 0,
    StatusChanged = 1,
    PublicComment = 2,
    InternalNote = 3,
    Assigned = 4,
    PriorityChanged = 5,
    Rerouted = 6,
    MergedInto = 7,
    DuplicateMerged = 8,
    Reopened = 9,
    SlaBreached = 10,
    PhotoHidden = 11,

    /// <summary>
    /// An update an Open311 client posted (mySociety's <c>POST servicerequestupdates</c>, e.g. a
    /// FixMyStreet comment). Internal until staff act on it; <see cref="RequestEvent.Detail"/> holds the
    /// status the client asked for (FIXED, CLOSED…).
    /// </summary>
    ClientUpdate = 12,
}
