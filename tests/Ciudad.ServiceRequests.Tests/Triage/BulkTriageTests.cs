using System.Globalization;
using System.Security.Claims;
using Ciudad.Platform.Data;
using Ciudad.Platform.Identity;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Ciudad.ServiceRequests.Tests.Triage;

/// <summary>Bulk triage works on the whole set at once: 50 requests cost about the round trips of one, and each still gets its timeline, audit and emails.</summary>
public sealed class BulkTriageTests(ITestOutputHelper output)
{
    [Theory, BothDatabases]
    public async Task Bulk_assign_and_status_change_of_fifty_requests_cost_about_the_round_trips_of_one(TestDatabase db)
    {
        await using var app = await CiudadApp.StartAsync(db);
        var agent = await app.CreateStaffAsync(StaffRoles.Agent, "streets-and-maintenance");
        var department = await app.DepartmentIdAsync("streets-and-maintenance");
        var one = await NewRequestsAsync(app, 1);
        var fifty = await NewRequestsAsync(app, 50);

        var assignOne = await MeasureAsync(app, agent, department, one, (bulk, actor, numbers) => bulk.AssignAsync(numbers, actor, agent.Id));
        var assignFifty = await MeasureAsync(app, agent, department, fifty, (bulk, actor, numbers) => bulk.AssignAsync(numbers, actor, agent.Id));
        var statusOne = await MeasureAsync(app, agent, department, one, (bulk, actor, numbers) => bulk.SetStatusAsync(numbers, actor, RequestStatus.InProgress, "Crew scheduled"));
        var statusFifty = await MeasureAsync(app, agent, department, fifty, (bulk, actor, numbers) => bulk.SetStatusAsync(numbers, actor, RequestStatus.InProgress, "Crew scheduled"));
        output.WriteLine($"{db}: assign 1 → {assignOne}, 50 → {assignFifty}; status 1 → {statusOne}, 50 → {statusFifty}");

        Assert.Equal((1, 50, 1, 50), (assignOne.Changed, assignFifty.Changed, statusOne.Changed, statusFifty.Changed));
        // Counted, not timed. Request by request this was four or more reads each (over 200 for 50).
        Assert.InRange(assignFifty.Queries, 1, assignOne.Queries + 2);
        Assert.InRange(statusFifty.Queries, 1, statusOne.Queries + 2);
        Assert.Equal((1, 1), (assignFifty.Commits, statusFifty.Commits));
        if (db == TestDatabase.Postgres)
        {
            // Every command is a network round trip here; the writes of one save go in batches.
            Assert.InRange(assignFifty.Commands, 1, assignOne.Commands + 4);
            Assert.InRange(statusFifty.Commands, 1, statusOne.Commands + 4);
        }

        // Each request still has its own timeline entries, audit entries and follower email.
        var ids = fifty.Select(r => r.Id).ToList();
        var numbers = fifty.Select(r => r.Number).ToList();
        Assert.Equal(50, await app.WithDbAsync(d => d.RequestEvents().CountAsync(e => ids.Contains(e.RequestId) && e.Kind == RequestEventKind.Assigned)));
        Assert.Equal(50, await app.WithDbAsync(d => d.RequestEvents().CountAsync(e => ids.Contains(e.RequestId) && e.Kind == RequestEventKind.StatusChanged && e.IsPublic)));
        Assert.Equal(50, await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.Action == "servicerequests.assigned" && numbers.Contains(a.EntityId!))));
        Assert.Equal(50, await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.Action == "servicerequests.updated" && numbers.Contains(a.EntityId!))));
        Assert.All(await app.WithDbAsync(d => d.Requests().AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync()),
            r => Assert.Equal((agent.Id, RequestStatus.InProgress), (r.AssignedToUserId, r.Status)));
        var last = fifty[^1].ReporterEmail!;
        Assert.Equal(2, await app.WithDbAsync(d => d.OutboxMessages.CountAsync(m => m.Payload.Contains(last)))); // received, then the update
    }

    private sealed record Cost(int Changed, int Queries, int Commands, int Commits);

    private static async Task<List<ServiceRequest>> NewRequestsAsync(CiudadApp app, int count)
    {
        var requests = new List<ServiceRequest>();
        for (var i = 0; i < count; i++)
        {
            requests.Add(await app.CreateRequestAsync(r => r with { Email = TestPeople.UniqueEmail("bulk") }));
        }
        return requests;
    }

    private static Task<Cost> MeasureAsync(CiudadApp app, TestPerson agent, int department, List<ServiceRequest> requests,
        Func<BulkTriage, StaffActor, IReadOnlyCollection<string>, Task<BulkResult>> action) =>
        app.WithServicesAsync(async sp =>
        {
            var principal = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, agent.Id), new Claim(CiudadClaims.Department, department.ToString(CultureInfo.InvariantCulture))], "test"));
            var actor = new StaffActor(principal, agent.Id, agent.Email);
            var bulk = sp.GetRequiredService<BulkTriage>();
            using var roundTrips = DatabaseRoundTrips.Of(sp.GetRequiredService<CiudadDbContext>());
            var result = await action(bulk, actor, [.. requests.Select(r => r.Number)]);
            return new Cost(result.Changed, roundTrips.Queries, roundTrips.Commands, roundTrips.Commits);
        });
}
