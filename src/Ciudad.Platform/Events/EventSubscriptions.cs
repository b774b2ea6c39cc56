using System.Text.RegularExpressions;
using Ciudad.Platform.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ciudad.Platform.Events;

/// <summary>One subscriber to one event; <see cref="Deliver"/> reads the stored event and calls the handler.</summary>
public sealed record EventSubscription(string EventName, string Subscriber, Type EventType, Type HandlerType,
    Func<IServiceProvider, OutboxMessage, CancellationToken, Task> Deliver);

public static partial class EventSubscriptions
{
    /// <summary>
    /// Subscribes <typeparamref name="THandler"/> to <typeparamref name="TEvent"/>. The subscriber
    /// name keys its stored messages, so it must not change while messages may be pending; it
    /// defaults to the handler's full type name, so name it explicitly if the class may move.
    /// </summary>
    public static IServiceCollection AddEventHandler<TEvent, THandler>(this IServiceCollection services, string? subscriber = null)
        where TEvent : IIntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        var name = subscriber ?? typeof(THandler).FullName!;
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException($"Subscriber name '{name}' must be 1-100 letters, digits, dots, dashes or underscores.", nameof(subscriber));
        }
        services.TryAddScoped<THandler>();
        services.AddSingleton(new EventSubscription(TEvent.EventName, name, typeof(TEvent), typeof(THandler),
            (provider, message, cancellationToken) => provider.GetRequiredService<THandler>().HandleAsync(
                Outbox.Outbox.Read<TEvent>(message),
                new IntegrationEventContext(message.Id, name, message.CreatedAt, message.Attempts + 1),
                cancellationToken)));
        return services;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._+-]{1,100}$")]
    private static partial Regex ValidName();
}

/// <summary>Every subscription in the app, looked up by event name.</summary>
public sealed class EventSubscriptionCatalog
{
    private readonly ILookup<string, EventSubscription> _byEvent;

    public EventSubscriptionCatalog(IEnumerable<EventSubscription> subscriptions)
    {
        var list = subscriptions.ToList();
        var duplicate = list.GroupBy(s => (s.EventName, s.Subscriber)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"'{duplicate.Key.Subscriber}' subscribes to '{duplicate.Key.EventName}' twice.");
        }
        _byEvent = list.ToLookup(s => s.EventName, StringComparer.Ordinal);
    }

    public IEnumerable<EventSubscription> For(string eventName) => _byEvent[eventName];

    public EventSubscription? Find(string eventName, string subscriber) =>
        _byEvent[eventName].FirstOrDefault(s => s.Subscriber == subscriber);
}

public static class IntegrationEventServices
{
    public static IServiceCollection AddIntegrationEvents(this IServiceCollection services)
    {
        services.AddSingleton<EventSubscriptionCatalog>();
        services.AddSingleton<IntegrationEventDelivery>();
        services.AddScoped<IntegrationEvents>();
        return services;
    }
}
