namespace Ciudad.Platform.Events;

/// <summary>
/// A fact one module tells any others ("a request was filed"). A public record whose
/// <see cref="EventName"/> never changes once published (stored messages carry it). Events carry
/// identifiers, codes, statuses and times, never personal data: subscribers in other modules may
/// publish what they receive.
/// </summary>
public interface IIntegrationEvent
{
    static abstract string EventName { get; }
}

/// <summary>
/// Reacts to one event type. Each subscriber gets its own outbox message per event, so it is
/// delivered, retried and dead-lettered on its own. Delivery is at least once: use
/// <see cref="IntegrationEventContext.MessageId"/> to recognise a repeat. Throwing means "try again later".
/// The handler runs in a scope of its own and saves its own changes.
/// </summary>
public interface IIntegrationEventHandler<in TEvent> where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken);
}

/// <param name="MessageId">The outbox message for this subscriber: the same on every redelivery.</param>
/// <param name="PublishedAt">When the publishing change committed its unit of work.</param>
/// <param name="Attempt">1 on the first delivery.</param>
public sealed record IntegrationEventContext(long MessageId, string Subscriber, DateTimeOffset PublishedAt, int Attempt);
