using Ciudad.Platform.Localization;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Triage;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Staff.Requests;

/// <summary>How triage pages word and style request facts, the same on the queue and the request page.</summary>
internal static class TriageDisplay
{
    public static string QueuePath => "/Staff/Requests";

    public static string RequestPath(string number) => $"/Staff/Requests/{number}";

    public static string Number(string number) => RequestNumbers.Format(number);

    /// <summary>"3 days", "5 hours", "under an hour": how long since the request arrived.</summary>
    public static string Age(IStringLocalizer l, DateTimeOffset requestedAt, DateTimeOffset now)
    {
        var age = now - requestedAt;
        var culture = StringCatalogCulture.Current;
        return age.TotalDays >= 1 ? l[age.TotalDays >= 2 ? "Triage.Age.Days" : "Triage.Age.Day", Formats.Number((long)age.TotalDays, culture)]
            : age.TotalHours >= 1 ? l[age.TotalHours >= 2 ? "Triage.Age.Hours" : "Triage.Age.Hour", Formats.Number((long)age.TotalHours, culture)]
            : l["Triage.Age.UnderAnHour"];
    }

    public static string SlaKey(SlaState state) => $"Triage.Sla.{state}";

    /// <summary>USWDS tag colours with AA contrast on white text.</summary>
    public static string SlaTagClass(SlaState state) => state switch
    {
        SlaState.Overdue => "usa-tag ciudad-tag--overdue",
        SlaState.DueSoon => "usa-tag ciudad-tag--due-soon",
        SlaState.OnTime => "usa-tag ciudad-tag--on-time",
        _ => "usa-tag ciudad-tag--no-target",
    };

    public static string PriorityKey(RequestPriority priority) => $"Requests.Priority.{priority}";

    public static string ChannelKey(RequestChannel channel) => $"Requests.Channel.{channel}";

    public static string EventKey(RequestEvent e) => e.Kind switch
    {
        RequestEventKind.Assigned when string.IsNullOrEmpty(e.Detail) => "Triage.Event.Unassigned",
        RequestEventKind.PhotoHidden when e.Detail?.StartsWith("shown:", StringComparison.Ordinal) == true => "Triage.Event.PhotoShown",
        _ => $"Triage.Event.{e.Kind}",
    };

    /// <summary>Intake and jobs store "Reporter" and "System" as the actor; staff read them in their language.</summary>
    public static string Actor(IStringLocalizer l, RequestEvent e) => e.ActorUserId is not null
        ? e.ActorName ?? ""
        : e.ActorName switch
        {
            "Reporter" => l["Triage.Actor.Reporter"],
            null or "" or "System" => l["Triage.Actor.System"],
            var other => other,
        };
}
