namespace Ciudad.ServiceRequests.Requests;

/// <summary>
/// What staff say about a request, richer than GeoReport's open/closed (the vocabulary follows
/// mySociety's <c>servicerequestupdates</c>). <see cref="RequestStatuses.IsOpen"/> is the projection.
/// </summary>
internal enum RequestStatus
{
    Received = 0,
    InProgress = 1,
    ActionScheduled = 2,
    Investigating = 3,
    Reopened = 4,
    Fixed = 10,
    Duplicate = 11,
    NotCityResponsibility = 12,
    NoFurtherAction = 13,
    Referred = 14,
    Cancelled = 15,
}

internal static class RequestStatuses
{
    public static IReadOnlyList<RequestStatus> All { get; } = Enum.GetValues<RequestStatus>();
    public static IReadOnlyList<RequestStatus> Open { get; } = All.Where(IsOpen).ToList();
    public static IReadOnlyList<RequestStatus> Closed { get; } = All.Where(s => !IsOpen(s)).ToList();

    public static bool IsOpen(this RequestStatus status) => status < RequestStatus.Fixed;

    /// <summary>GeoReport v2 <c>status</c>.</summary>
    public static string Open311Status(this RequestStatus status) => status.IsOpen() ? "open" : "closed";

    /// <summary>The mySociety update vocabulary used by <c>servicerequestupdates</c> and extensions.</summary>
    public static string DetailedName(this RequestStatus status) => status switch
    {
        RequestStatus.Received => "open",
        RequestStatus.InProgress => "in_progress",
        RequestStatus.ActionScheduled => "action_scheduled",
        RequestStatus.Investigating => "investigating",
        RequestStatus.Reopened => "reopen",
        RequestStatus.Fixed => "fixed",
        RequestStatus.Duplicate => "duplicate",
        RequestStatus.NotCityResponsibility => "not_councils_responsibility",
        RequestStatus.NoFurtherAction => "no_further_action",
        RequestStatus.Referred => "internal_referral",
        RequestStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Catalog key of the status's label for people ("Requests.Status.InProgress").</summary>
    public static string LabelKey(this RequestStatus status) => $"Requests.Status.{status}";
}

internal enum RequestPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}

/// <summary>How a request reached the city; kept for reporting and shown to staff.</summary>
internal enum RequestChannel
{
    Web = 0,
    Api = 1,

    /// <summary>Filed by staff from their own observation (field staff).</summary>
    Staff = 2,

    // Filed by staff on behalf of a resident who reached the city another way.
    Phone = 3,
    WalkIn = 4,
    Email = 5,
}
