using Ciudad.Platform.Events;

namespace Ciudad.ServiceRequests.Events;

// The 311 module's integration events: its public contract with other modules (open data keeps its
// live 311 dataset from these). Requests are named by their public number (GeoReport's
// service_request_id), which exists before the row is saved and never changes. Statuses use the
// mySociety vocabulary ("open", "in_progress", "fixed", "duplicate", ...) and "open"/"closed".
// No personal data: no reporter, description, address or location; Visibility tells a subscriber
// what it may show (a Hidden request must never be published; a Coarsened one only coarsened).

/// <summary>How public a request is, from its service's sensitivity.</summary>
public enum RequestVisibility
{
    Public = 0,
    Coarsened = 1,
    Hidden = 2,
}

/// <summary>A request entered Ciudad (web or Open311).</summary>
public sealed record RequestFiled(
    string RequestNumber,
    string ServiceCode,
    int DepartmentId,
    string Channel,
    string Status,
    DateTimeOffset FiledAt,
    DateTimeOffset? ExpectedAt,
    RequestVisibility Visibility) : IIntegrationEvent
{
    public static string EventName => "servicerequests.request-filed";
}

/// <summary>A public change: a new status, a public comment, or both (closing and reopening included).</summary>
public sealed record RequestUpdated(
    string RequestNumber,
    string ServiceCode,
    int DepartmentId,
    string Status,
    string OpenOrClosed,
    DateTimeOffset UpdatedAt,
    RequestVisibility Visibility) : IIntegrationEvent
{
    public static string EventName => "servicerequests.request-updated";
}

/// <summary>An open request was closed (fixed, duplicate, referred, ...).</summary>
public sealed record RequestClosed(
    string RequestNumber,
    string ServiceCode,
    int DepartmentId,
    string Status,
    DateTimeOffset ClosedAt,
    RequestVisibility Visibility) : IIntegrationEvent
{
    public static string EventName => "servicerequests.request-closed";
}

/// <summary>A closed request is open again (the reporter's "not fixed", or staff).</summary>
public sealed record RequestReopened(
    string RequestNumber,
    string ServiceCode,
    int DepartmentId,
    string Status,
    DateTimeOffset ReopenedAt,
    bool ByReporter,
    RequestVisibility Visibility) : IIntegrationEvent
{
    public static string EventName => "servicerequests.request-reopened";
}

/// <summary>A duplicate was merged into the request that stays open; the duplicate is closed.</summary>
public sealed record RequestMerged(
    string RequestNumber,
    string ParentRequestNumber,
    string ServiceCode,
    int DepartmentId,
    DateTimeOffset MergedAt,
    RequestVisibility Visibility) : IIntegrationEvent
{
    public static string EventName => "servicerequests.request-merged";
}
