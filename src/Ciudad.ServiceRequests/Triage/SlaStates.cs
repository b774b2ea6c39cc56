using System.Linq.Expressions;
using Ciudad.ServiceRequests.Requests;

namespace Ciudad.ServiceRequests.Triage;

internal enum SlaState
{
    NoTarget,
    OnTime,
    DueSoon,
    Overdue,
}

/// <summary>
/// Where a request stands against its target. Once the breach job has flagged a request it stays
/// overdue, even if closed later; a closed request was on time if it closed by its target.
/// The C# rule and the SQL filter are written side by side so they cannot drift apart unseen.
/// </summary>
internal static class SlaStates
{
    /// <summary>"Due soon" means the target falls within this window from now.</summary>
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromHours(24);

    public static SlaState Of(DateTimeOffset? expectedAt, DateTimeOffset? breachedAt, DateTimeOffset? closedAt, bool isOpen, DateTimeOffset now)
    {
        if (expectedAt is not { } expected)
        {
            return SlaState.NoTarget;
        }
        if (breachedAt is not null || (isOpen && expected < now) || (!isOpen && closedAt > expected))
        {
            return SlaState.Overdue;
        }
        return isOpen && expected < now + DueSoonWindow ? SlaState.DueSoon : SlaState.OnTime;
    }

    public static Expression<Func<ServiceRequest, bool>> Matching(SlaState state, DateTimeOffset now)
    {
        var soon = now + DueSoonWindow;
        return state switch
        {
            SlaState.NoTarget => r => r.ExpectedAt == null,
            SlaState.Overdue => r => r.ExpectedAt != null &&
                (r.SlaBreachedAt != null || (r.IsOpen && r.ExpectedAt < now) || (!r.IsOpen && r.ClosedAt > r.ExpectedAt)),
            SlaState.DueSoon => r => r.ExpectedAt != null && r.SlaBreachedAt == null && r.IsOpen &&
                r.ExpectedAt >= now && r.ExpectedAt < soon,
            SlaState.OnTime => r => r.ExpectedAt != null && r.SlaBreachedAt == null &&
                ((r.IsOpen && r.ExpectedAt >= soon) || (!r.IsOpen && r.ClosedAt <= r.ExpectedAt)),
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
    }
}
