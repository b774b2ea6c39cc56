using System.Collections.Concurrent;
using System.Security.Claims;
using Ciudad.Platform.Events;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Outbox;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests.Events;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Tests.Open311;
using Ciudad.ServiceRequests.Tracking;
using Ciudad.ServiceRequests.Triage;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Tests.Events;

/// <summary>A subscriber in "another module": it keeps every 311 event it receives, in order.</summary>
public sealed class EventRecorder :
    IIntegrationEventHandler<RequestFiled>, IIntegrationEventHandler<RequestUpdated>, IIntegrationEventHandler<RequestClosed>,
    IIntegrationEventHandler<RequestReopened>, IIntegrationEventHandler<RequestMerged>
{
    public ConcurrentQueue<object> Received { get; } = new();

    public Task HandleAsync(RequestFiled integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken) => Keep(integrationEvent);
    public Task HandleAsync(RequestUpdated integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken) => Keep(integrationEvent);
    public Task HandleAsync(RequestClosed integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken) => Keep(integrationEvent);
    public Task HandleAsync(RequestReopened integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken) => Keep(integrationEvent);
    public Task HandleAsync(RequestMerged integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken) => Keep(integrationEvent);

    private Task Keep(object integrationEvent)
    {
        Received.Enqueue(integrationEvent);
        return Task.CompletedTask;
    }
}

/// <summary>What 311 tells other modules, action by action, through the real outbox.</summary>
public sealed class RequestEventTests
{
    private static async Task<(CiudadApp App, EventRecorder Recorder)> StartAsync(TestDatabase db)
    {
        var recorder = new EventRecorder();
        var app = await CiudadApp.StartAsync(db,
            new Dictionary<string, string?> { ["Ciudad:Outbox:DispatcherEnabled"] = "false" },
            services =>
            {
                services.AddSingleton(recorder);
                services.AddEventHandler<RequestFiled, EventRecorder>("test.recorder");
                services.AddEventHandler<RequestUpdated, EventRecorder>("test.recorder");
                services.AddEventHandler<RequestClosed, EventRecorder>("test.recorder");
                services.AddEventHandler<RequestReopened, EventRecorder>("test.recorder");
                services.AddEventHandler<RequestMerged, EventRecorder>("test.recorder");
            });
        return (app, recorder);
    }

    /// <summary>Delivers what is due and returns the events received since the last call.</summary>
    private static async Task<List<object>> DeliveredAsync(CiudadApp app, EventRecorder recorder)
    {
        await app.Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);
        var received = new List<object>();
        while (recorder.Received.TryDequeue(out var e))
        {
            received.Add(e);
        }
        return received;
    }

    private static async Task<StaffActor> AdministratorAsync(CiudadApp app)
    {
        var person = await app.CreateStaffAsync(StaffRoles.Administrator);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, StaffRoles.Administrator)], "test"));
        return new StaffActor(principal, person.Id, "Test administrator");
    }

    [Theory, BothDatabases]
    public async Task Filing_on_the_web_and_through_Open311_each_publish_one_filed_event_without_personal_data(TestDatabase db)
    {
        var (app, recorder) = await StartAsync(db);
        await using var _app = app;
        var streets = await app.DepartmentIdAsync("streets-and-maintenance");

        var web = await app.CreateRequestAsync(r => r with { Email = TestPeople.UniqueEmail("web-reporter"), Name = "Ana Ruiz" });
        var fromWeb = await DeliveredAsync(app, recorder);
        var posted = await app.Open311PostAsync("json", Open311Kit.PotholeFields(await app.NewApiKeyAsync()));
        var apiNumber = posted.Json[0].GetProperty("service_request_id").GetString()!;
        var fromApi = await DeliveredAsync(app, recorder);

        var filed = Assert.IsType<RequestFiled>(Assert.Single(fromWeb));
        Assert.Equal(new RequestFiled(web.Number, "pothole", streets, "web", "open", filed.FiledAt, web.ExpectedAt, RequestVisibility.Public), filed);
        Assert.Equal(web.RequestedAt, filed.FiledAt);
        var api = Assert.IsType<RequestFiled>(Assert.Single(fromApi));
        Assert.Equal((apiNumber, "api", "pothole"), (api.RequestNumber, api.Channel, api.ServiceCode));
        var stored = await app.WithDbAsync(d => Task.FromResult(d.OutboxMessages.Where(m => m.Subscriber == "test.recorder").Select(m => m.Payload).ToList()));
        Assert.All(stored, payload => Assert.DoesNotContain("Ana", payload, StringComparison.Ordinal));
        Assert.All(stored, payload => Assert.DoesNotContain("web-reporter", payload, StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task Updating_closing_reopening_and_merging_publish_what_happened(TestDatabase db)
    {
        var (app, recorder) = await StartAsync(db);
        await using var _app = app;
        var actor = await AdministratorAsync(app);
        var resident = await app.CreateResidentAsync();
        var request = await app.CreateRequestAsync(r => r with { ReporterUserId = resident.Id, Email = resident.Email });
        var parent = await app.CreateRequestAsync();
        var duplicate = await app.CreateRequestAsync();
        await DeliveredAsync(app, recorder);

        async Task<List<object>> AfterAsync(Func<IServiceProvider, Task> action)
        {
            await app.WithServicesAsync(action);
            return await DeliveredAsync(app, recorder);
        }

        var update = await AfterAsync(sp => sp.GetRequiredService<TriageActions>().PublishAsync(request.Number, actor, RequestStatus.InProgress, "Crew assigned"));
        var close = await AfterAsync(sp => sp.GetRequiredService<TriageActions>().PublishAsync(request.Number, actor, RequestStatus.Fixed, "Patched"));
        var reopen = await AfterAsync(async sp => Assert.Equal(ReopenRefusal.None,
            await sp.GetRequiredService<RequestReopening>().ReopenAsync(request.Number, "Still a hole", resident.Id, null)));
        var merge = await AfterAsync(async sp => Assert.Equal(Outcome.Done,
            await sp.GetRequiredService<RequestMerge>().MergeAsync(duplicate.Number, parent.Number, actor)));

        var updated = Assert.IsType<RequestUpdated>(Assert.Single(update));
        Assert.Equal((request.Number, "in_progress", "open"), (updated.RequestNumber, updated.Status, updated.OpenOrClosed));

        // One unit of work's events arrive together; their order within it is not part of the contract.
        Assert.Equal(2, close.Count);
        var closingUpdate = Assert.Single(close.OfType<RequestUpdated>());
        Assert.Equal(("fixed", "closed"), (closingUpdate.Status, closingUpdate.OpenOrClosed));
        var closed = Assert.Single(close.OfType<RequestClosed>());
        Assert.Equal((request.Number, "fixed"), (closed.RequestNumber, closed.Status));

        Assert.Equal(2, reopen.Count);
        Assert.Equal("reopen", Assert.Single(reopen.OfType<RequestUpdated>()).Status);
        var reopened = Assert.Single(reopen.OfType<RequestReopened>());
        Assert.Equal((request.Number, "reopen", true), (reopened.RequestNumber, reopened.Status, reopened.ByReporter));

        // The duplicate closes (updated, closed) and names the request that stays open.
        Assert.Equal(3, merge.Count);
        Assert.Equal(duplicate.Number, Assert.Single(merge.OfType<RequestUpdated>()).RequestNumber);
        Assert.Equal("duplicate", Assert.Single(merge.OfType<RequestClosed>()).Status);
        var merged = Assert.Single(merge.OfType<RequestMerged>());
        Assert.Equal((duplicate.Number, parent.Number, "pothole"), (merged.RequestNumber, merged.ParentRequestNumber, merged.ServiceCode));
    }
}
