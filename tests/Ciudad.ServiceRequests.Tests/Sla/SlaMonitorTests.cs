using Ciudad.Platform.Data;
using Ciudad.Platform.Identity;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Sla;
using Ciudad.ServiceRequests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Ciudad.ServiceRequests.Tests.Sla;

public sealed class SlaMonitorTests(SlaAppFixture fixture) : IClassFixture<SlaAppFixture>
{
    [Theory, BothDatabases]
    public async Task An_overdue_request_is_flagged_once_and_only_its_departments_managers_hear_of_it_in_their_language(TestDatabase db)
    {
        var app = await fixture.For(db);
        var managerEn = await app.CreateStaffAsync(StaffRoles.DepartmentManager, "streets-and-maintenance");
        var managerEs = await app.CreateStaffAsync(StaffRoles.DepartmentManager, "streets-and-maintenance", culture: "es");
        var agent = await app.CreateStaffAsync(StaffRoles.Agent, "streets-and-maintenance");
        var otherManager = await app.CreateStaffAsync(StaffRoles.DepartmentManager, "animal-services");
        var formerManager = await app.CreateStaffAsync(StaffRoles.DepartmentManager, "streets-and-maintenance");
        await app.WithDbAsync(d => d.Users.Where(u => u.Id == formerManager.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDeactivated, true)));
        var request = await app.CreateRequestAsync();
        var now = DateTimeOffset.UtcNow;
        await SetDueAsync(app, request.Id, now.AddHours(-2));

        var flagged = await CheckAsync(app, now);

        Assert.True(flagged >= 1);
        var stored = await app.WithDbAsync(d => d.Requests().AsNoTracking().SingleAsync(r => r.Id == request.Id));
        Assert.NotNull(stored.SlaBreachedAt);
        var breach = Assert.Single(await BreachEventsAsync(app, request.Id));
        Assert.False(breach.IsPublic);
        Assert.Equal(RequestStatus.Received, breach.Status);

        var number = RequestNumbers.Format(request.Number);
        var english = await app.Mailbox.WaitForAsync(managerEn.Email, m => (m.Subject ?? "").Contains(number, StringComparison.Ordinal));
        Assert.StartsWith($"Overdue: request {number} (Pothole)", english.Subject, StringComparison.Ordinal);
        Assert.Contains("Streets and Maintenance", english.TextBody, StringComparison.Ordinal);
        Assert.EndsWith($"/Staff/Requests/{request.Number}", Mailbox.LinkIn(english, "/Staff/Requests/"), StringComparison.Ordinal);
        var spanish = await app.Mailbox.WaitForAsync(managerEs.Email, m => (m.Subject ?? "").Contains(number, StringComparison.Ordinal));
        Assert.StartsWith($"Vencida: solicitud {number} (Bache)", spanish.Subject, StringComparison.Ordinal);
        Assert.Contains("sigue abierta", spanish.TextBody, StringComparison.Ordinal);

        await app.Mailbox.DeliverDueAsync(); // everything the pass queued is delivered before looking for strays
        Assert.Empty(MailAbout(app, agent.Email, number));
        Assert.Empty(MailAbout(app, otherManager.Email, number));
        Assert.Empty(MailAbout(app, formerManager.Email, number));

        await CheckAsync(app, now.AddHours(1));

        Assert.Single(await BreachEventsAsync(app, request.Id));
        await app.Mailbox.DeliverDueAsync();
        Assert.Single(MailAbout(app, managerEn.Email, number));
        var again = await app.WithDbAsync(d => d.Requests().AsNoTracking().SingleAsync(r => r.Id == request.Id));
        Assert.Equal(stored.SlaBreachedAt, again.SlaBreachedAt);
    }

    [Theory, BothDatabases]
    public async Task Closed_requests_and_requests_not_yet_due_are_never_flagged(TestDatabase db)
    {
        var app = await fixture.For(db);
        var closed = await app.CreateRequestAsync();
        await app.WithServicesAsync(async sp =>
        {
            var updates = sp.GetRequiredService<RequestUpdates>();
            var request = (await updates.LoadAsync(closed.Id))!;
            updates.Publish(request, RequestStatus.Fixed, "Filled the pothole.", RequestEventKind.StatusChanged, null, "Test crew");
            await sp.GetRequiredService<CiudadDbContext>().SaveChangesAsync();
        });
        var now = DateTimeOffset.UtcNow;
        await SetDueAsync(app, closed.Id, now.AddDays(-3));
        var notYetDue = await app.CreateRequestAsync();
        await SetDueAsync(app, notYetDue.Id, now.AddMinutes(5));

        await CheckAsync(app, now);

        foreach (var id in new[] { closed.Id, notYetDue.Id })
        {
            Assert.Null(await app.WithDbAsync(d => d.Requests().Where(r => r.Id == id).Select(r => r.SlaBreachedAt).SingleAsync()));
            Assert.Empty(await BreachEventsAsync(app, id));
        }
    }

    [Theory, BothDatabases]
    public async Task Two_instances_checking_at_once_flag_each_request_exactly_once(TestDatabase db)
    {
        var app = await fixture.For(db);
        var now = DateTimeOffset.UtcNow;
        var requests = new List<ServiceRequest>();
        for (var i = 0; i < 6; i++)
        {
            var request = await app.CreateRequestAsync();
            await SetDueAsync(app, request.Id, now.AddMinutes(-10 - i));
            requests.Add(request);
        }

        // Two monitors with separate scopes and connections, as two app instances would have.
        var passes = await Task.WhenAll(CheckAsync(app, now), CheckAsync(app, now));

        Assert.True(passes.Sum() >= requests.Count);
        foreach (var request in requests)
        {
            Assert.Single(await BreachEventsAsync(app, request.Id));
        }
    }

    private static Task<int> CheckAsync(CiudadApp app, DateTimeOffset now) =>
        app.Services.GetRequiredService<SlaMonitor>().CheckOnceAsync(now);

    internal static Task SetDueAsync(CiudadApp app, long id, DateTimeOffset due) =>
        app.WithDbAsync(d => d.Requests().Where(r => r.Id == id).ExecuteUpdateAsync(r => r.SetProperty(x => x.ExpectedAt, due)));

    internal static Task<List<RequestEvent>> BreachEventsAsync(CiudadApp app, long id) =>
        app.WithDbAsync(d => d.RequestEvents().AsNoTracking()
            .Where(e => e.RequestId == id && e.Kind == RequestEventKind.SlaBreached).ToListAsync());

    private static IReadOnlyList<MimeMessage> MailAbout(CiudadApp app, string address, string number) =>
        [.. app.Mailbox.To(address).Where(m => (m.Subject ?? "").Contains(number, StringComparison.Ordinal))];
}
