using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Triage;

namespace Ciudad.ServiceRequests.Tests.Triage;

/// <summary>The SLA state shown in a row and the SLA filter of the queue agree, for every kind of request.</summary>
public sealed class SlaStatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, SlaState> Cases => new()
    {
        { "no target", SlaState.NoTarget },
        { "open, due in 3 days", SlaState.OnTime },
        { "open, due in 2 hours", SlaState.DueSoon },
        { "open, due 2 hours ago", SlaState.Overdue },
        { "open, flagged by the breach job", SlaState.Overdue },
        { "closed before its target", SlaState.OnTime },
        { "closed after its target", SlaState.Overdue },
        { "closed on time after being flagged", SlaState.Overdue },
    };

    [Theory, MemberData(nameof(Cases))]
    public void The_row_and_the_filter_agree(string name, SlaState expected)
    {
        var request = Build(name);

        var shown = SlaStates.Of(request.ExpectedAt, request.SlaBreachedAt, request.ClosedAt, request.IsOpen, Now);

        Assert.Equal(expected, shown);
        foreach (var state in Enum.GetValues<SlaState>())
        {
            Assert.Equal(state == expected, SlaStates.Matching(state, Now).Compile()(request));
        }
    }

    private static ServiceRequest Build(string name)
    {
        var r = new ServiceRequest { Number = "TEST000", RequestedAt = Now.AddDays(-5) };
        switch (name)
        {
            case "open, due in 3 days": r.ExpectedAt = Now.AddDays(3); break;
            case "open, due in 2 hours": r.ExpectedAt = Now.AddHours(2); break;
            case "open, due 2 hours ago": r.ExpectedAt = Now.AddHours(-2); break;
            case "open, flagged by the breach job": r.ExpectedAt = Now.AddHours(-2); r.SlaBreachedAt = Now.AddHours(-1); break;
            case "closed before its target": r.ExpectedAt = Now.AddDays(-1); Close(r, Now.AddDays(-2)); break;
            case "closed after its target": r.ExpectedAt = Now.AddDays(-2); Close(r, Now.AddDays(-1)); break;
            case "closed on time after being flagged": r.ExpectedAt = Now.AddDays(-1); r.SlaBreachedAt = Now.AddDays(-1); Close(r, Now.AddDays(-2)); break;
        }
        return r;
    }

    private static void Close(ServiceRequest r, DateTimeOffset at)
    {
        r.Status = RequestStatus.Fixed;
        r.IsOpen = false;
        r.ClosedAt = at;
    }
}
