using Ciudad.ServiceRequests.Requests;

namespace Ciudad.ServiceRequests.Triage;

internal enum QueueAge
{
    UnderOneDay,
    OneToThreeDays,
    ThreeToSevenDays,
    OverSevenDays,
}

internal enum QueueSort
{
    Age,
    Due,
    Priority,
    Status,
    Service,
}

/// <summary>
/// One view of the queue. The URL vocabulary (<see cref="QueueTokens"/>) is kept apart from these
/// types so that shared and saved links stay stable if the code is renamed.
/// </summary>
internal sealed record QueueFilter
{
    public const int PageSize = 25;

    /// <summary>Departments to show; null for every department (administrators only).</summary>
    public IReadOnlyCollection<int>? DepartmentIds { get; init; }

    /// <summary>Null: open and closed. With <see cref="Status"/> set, this is ignored.</summary>
    public bool? IsOpen { get; init; } = true;
    public RequestStatus? Status { get; init; }
    public string? ServiceCode { get; init; }
    public QueueAge? Age { get; init; }
    public SlaState? Sla { get; init; }

    /// <summary>Only unassigned requests (wins over <see cref="AssigneeUserId"/>).</summary>
    public bool Unassigned { get; init; }
    public string? AssigneeUserId { get; init; }
    public string? AreaCode { get; init; }

    /// <summary>A request number, or words in the description or address.</summary>
    public string? Search { get; init; }
    public QueueSort Sort { get; init; } = QueueSort.Age;

    /// <summary>Age descending is oldest first: the queue's natural order.</summary>
    public bool Descending { get; init; } = true;
    public int Page { get; init; } = 1;

    /// <summary>Language of service names, for sorting by service.</summary>
    public string Culture { get; init; } = "en";
}

/// <summary>The words used in the queue's query string.</summary>
internal static class QueueTokens
{
    public const string Open = "open";
    public const string Closed = "closed";
    public const string AnyStatus = "all";
    public const string Me = "me";
    public const string Unassigned = "unassigned";

    public static readonly IReadOnlyDictionary<string, QueueAge> Ages = new Dictionary<string, QueueAge>(StringComparer.OrdinalIgnoreCase)
    {
        ["lt1"] = QueueAge.UnderOneDay,
        ["1to3"] = QueueAge.OneToThreeDays,
        ["3to7"] = QueueAge.ThreeToSevenDays,
        ["gt7"] = QueueAge.OverSevenDays,
    };

    public static readonly IReadOnlyDictionary<string, SlaState> SlaStates = new Dictionary<string, SlaState>(StringComparer.OrdinalIgnoreCase)
    {
        ["ontime"] = SlaState.OnTime,
        ["duesoon"] = SlaState.DueSoon,
        ["overdue"] = SlaState.Overdue,
        ["none"] = SlaState.NoTarget,
    };

    public static readonly IReadOnlyDictionary<string, QueueSort> Sorts = new Dictionary<string, QueueSort>(StringComparer.OrdinalIgnoreCase)
    {
        ["age"] = QueueSort.Age,
        ["due"] = QueueSort.Due,
        ["priority"] = QueueSort.Priority,
        ["status"] = QueueSort.Status,
        ["service"] = QueueSort.Service,
    };

    public static string Token(this QueueSort sort) => Sorts.First(s => s.Value == sort).Key;

    public static string Token(this SlaState state) => SlaStates.First(s => s.Value == state).Key;

    public static string Token(this QueueAge age) => Ages.First(s => s.Value == age).Key;

    /// <summary>Status token: "open" (the default), "closed", "all" or a detailed status name.</summary>
    public static (bool? IsOpen, RequestStatus? Status) ParseStatus(string? token) => token?.Trim().ToUpperInvariant() switch
    {
        null or "" or "OPEN" => (true, null),
        "CLOSED" => (false, null),
        "ALL" => (null, null),
        _ when Enum.TryParse<RequestStatus>(token, ignoreCase: true, out var status) && Enum.IsDefined(status) => (null, status),
        _ => (true, null),
    };

    public static T? Parse<T>(IReadOnlyDictionary<string, T> table, string? token) where T : struct =>
        token is not null && table.TryGetValue(token.Trim(), out var value) ? value : null;
}
