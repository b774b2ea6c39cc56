using Microsoft.Extensions.DependencyInjection;
using Ciudad.Platform.Outbox;

namespace Ciudad.Platform.Events;

/// <summary>
/// Publishes integration events inside the caller's unit of work: one outbox message per
/// subscriber, added to the same DbContext as the change, so each exists exactly when the change
/// commits. With no subscribers, publishing stores nothing.
/// </summary>
public sealed class IntegrationEvents(Outbox.Outbox outbox, EventSubscriptionCatalog subscriptions)
{
    /// <summary>Outbox message types of events are this prefix and the event's name.</summary>
    public const string TypePrefix = "event:";

    /// <summary>Returns how many subscribers will receive the event.</summary>
    public int Publish<TEvent>(TEvent integrationEvent) where TEvent : IIntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var count = 0;
        foreach (var subscription in subscriptions.For(TEvent.EventName))
        {
            outbox.Enqueue(TypePrefix + TEvent.EventName, integrationEvent).Subscriber = subscription.Subscriber;
            count++;
        }
        return count;
    }
}

/// <summary>Delivers one subscriber's event message, in a scope of its own so a failing handler's changes are thrown away.</summary>
public sealed class IntegrationEventDelivery(IServiceScopeFactory scopes, EventSubscriptionCatalog subscriptions)
{
    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var eventName = message.Type.StartsWith(IntegrationEvents.TypePrefix, StringComparison.Ordinal)
            ? message.Type[IntegrationEvents.TypePrefix.Length..]
            : message.Type;
        var subscription = subscriptions.Find(eventName, message.Subscriber ?? "")
            ?? throw new InvalidOperationException($"No subscriber '{message.Subscriber}' for event '{eventName}' in this app.");
        await using var scope = scopes.CreateAsyncScope();
        await subscription.Deliver(scope.ServiceProvider, message, cancellationToken);
    }
}
