using System.Collections.Concurrent;
using Ciudad.Platform.Data;
using Ciudad.Platform.Email;
using Ciudad.Platform.Events;
using Ciudad.Platform.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Platform.Tests.Events;

public sealed record ParcelArrived(int ParcelId, string Code) : IIntegrationEvent
{
    public static string EventName => "test.parcel-arrived";
}

public sealed record NobodyListens(int Id) : IIntegrationEvent
{
    public static string EventName => "test.nobody-listens";
}

/// <summary>What the test subscribers saw: every delivery, with its message id and attempt.</summary>
public sealed class SubscriberLog
{
    public ConcurrentQueue<(string Subscriber, ParcelArrived Event, IntegrationEventContext Context)> Deliveries { get; } = new();
}

public sealed class RecordingSubscriber(SubscriberLog log) : IIntegrationEventHandler<ParcelArrived>
{
    public Task HandleAsync(ParcelArrived integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        log.Deliveries.Enqueue(("recording", integrationEvent, context));
        return Task.CompletedTask;
    }
}

public sealed class BrokenSubscriber(SubscriberLog log) : IIntegrationEventHandler<ParcelArrived>
{
    public Task HandleAsync(ParcelArrived integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        log.Deliveries.Enqueue(("broken", integrationEvent, context));
        throw new InvalidOperationException("warehouse offline");
    }
}

public sealed class IntegrationEventTests
{
    private static async Task<(CiudadApp App, SubscriberLog Log)> StartAsync(TestDatabase db)
    {
        var log = new SubscriberLog();
        var app = await CiudadApp.StartAsync(db,
            new Dictionary<string, string?>
            {
                // The test drives delivery itself, attempt by attempt.
                ["Ciudad:Outbox:DispatcherEnabled"] = "false",
                ["Ciudad:Outbox:MaxAttempts"] = "3",
                ["Ciudad:Outbox:FirstRetryDelay"] = "00:00:00",
            },
            services =>
            {
                services.AddSingleton(log);
                services.AddEventHandler<ParcelArrived, RecordingSubscriber>("test.recording");
                services.AddEventHandler<ParcelArrived, BrokenSubscriber>("test.broken");
            });
        return (app, log);
    }

    [Theory, BothDatabases]
    public async Task Each_subscriber_is_delivered_retried_and_dead_lettered_on_its_own_and_mail_still_goes(TestDatabase db)
    {
        var (app, log) = await StartAsync(db);
        await using var _app = app;
        const string to = "events@example.test";
        var subscribers = await app.WithServicesAsync(async sp =>
        {
            // One unit of work: the change's event and an email, committed together.
            var count = sp.GetRequiredService<IntegrationEvents>().Publish(new ParcelArrived(42, "PX-1"));
            sp.GetRequiredService<Emails>().Queue(to, "en", "PasswordChanged", "https://x.test/reset");
            await sp.GetRequiredService<CiudadDbContext>().SaveChangesAsync();
            return count;
        });
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await dispatcher.DispatchBatchAsync(CancellationToken.None);
        }
        var messages = await app.WithDbAsync(d => d.OutboxMessages.AsNoTracking().Where(m => m.Subscriber != null).ToListAsync());

        Assert.Equal(2, subscribers);
        var recording = Assert.Single(log.Deliveries, d => d.Subscriber == "recording");
        Assert.Equal(new ParcelArrived(42, "PX-1"), recording.Event);
        Assert.Equal(1, recording.Context.Attempt);
        Assert.Equal(3, log.Deliveries.Count(d => d.Subscriber == "broken"));
        Assert.Equal([1, 2, 3], log.Deliveries.Where(d => d.Subscriber == "broken").Select(d => d.Context.Attempt));

        var delivered = Assert.Single(messages, m => m.Subscriber == "test.recording");
        Assert.Equal(OutboxStatus.Delivered, delivered.Status);
        Assert.Equal(recording.Context.MessageId, delivered.Id);
        var dead = Assert.Single(messages, m => m.Subscriber == "test.broken");
        Assert.Equal(OutboxStatus.Dead, dead.Status);
        Assert.Equal(3, dead.Attempts);
        Assert.Equal("warehouse offline", dead.LastError);
        Assert.Equal("event:test.parcel-arrived", dead.Type);
        Assert.Single(app.Mailbox.To(to));
    }

    [Theory, BothDatabases]
    public async Task An_event_exists_only_if_its_transaction_commits_and_one_nobody_subscribes_to_stores_nothing(TestDatabase db)
    {
        var (app, log) = await StartAsync(db);
        await using var _app = app;

        var unheard = await app.WithServicesAsync(async sp =>
        {
            var context = sp.GetRequiredService<CiudadDbContext>();
            var events = sp.GetRequiredService<IntegrationEvents>();
            await using (var rolledBack = await context.Database.BeginTransactionAsync())
            {
                events.Publish(new ParcelArrived(1, "rolled-back"));
                await context.SaveChangesAsync();
                await rolledBack.RollbackAsync();
            }
            context.ChangeTracker.Clear();
            var count = events.Publish(new NobodyListens(7));
            await context.SaveChangesAsync();
            return count;
        });
        await app.Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(0, unheard);
        Assert.Empty(log.Deliveries);
        Assert.Equal(0, await app.WithDbAsync(d => d.OutboxMessages.CountAsync(m => m.Subscriber != null)));
    }

    [Fact]
    public void A_subscriber_cannot_subscribe_to_the_same_event_twice()
    {
        var services = new ServiceCollection();
        services.AddEventHandler<ParcelArrived, RecordingSubscriber>("same");
        services.AddEventHandler<ParcelArrived, BrokenSubscriber>("same");

        var error = Assert.Throws<InvalidOperationException>(() =>
            new EventSubscriptionCatalog(services.Where(d => d.ImplementationInstance is EventSubscription).Select(d => (EventSubscription)d.ImplementationInstance!)));

        Assert.Contains("'same' subscribes to 'test.parcel-arrived' twice", error.Message, StringComparison.Ordinal);
    }
}
