using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Triage;

namespace Ciudad.ServiceRequests.Tests.Triage;

/// <summary>The SLA state shown in a row and the SLA filter of the queue agree, for every kind of request.</summary>
public sealed class SlaStatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

    // The expected state goes by name: the module's types are internal, a public theory cannot take them.
    public static TheoryData<string, string> Cases => new()
    {
        { "no target", nameof(SlaState.NoTarget) },
        { "open, due in 3 days", nameof(SlaState.OnTime) },
        { "open, due in 2 hours", nameof(SlaState.DueSoon) },
        { "open, due 2 hours ago", nameof(SlaState.Overdue) },
        { "open, flagged by the breach job", nameof(SlaState.Overdue) },
        { "closed before its target", nameof(SlaState.OnTime) },
        { "closed after its target", nameof(SlaState.Overdue) },
        { "closed on time after being flagged", nameof(SlaState.Overdue) },
    };

    [Theory, MemberData(nameof(Cases))]
    public void The_row_and_the_filter_agree(string name, string expectedState)
    {
        var expected = Enum.Parse<SlaState>(expectedState);
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
