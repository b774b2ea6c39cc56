using System.Text.Json;
using Ciudad.Platform.Data;

namespace Ciudad.Platform.Outbox;

/// <summary>
/// Adds a message to the caller's unit of work. Nothing is sent here: the dispatcher delivers it
/// after the transaction that carries it commits, and never if that transaction rolls back.
/// </summary>
public sealed class Outbox(CiudadDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public OutboxMessage Enqueue<TPayload>(string type, TPayload payload, DateTimeOffset? notBefore = null)
    {
        var now = clock.GetUtcNow();
        var message = new OutboxMessage
        {
            Type = type,
            Payload = JsonSerializer.Serialize(payload, Json),
            CreatedAt = now,
            AvailableAt = notBefore ?? now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    public static TPayload Read<TPayload>(OutboxMessage message) =>
        JsonSerializer.Deserialize<TPayload>(message.Payload, Json)
        ?? throw new InvalidOperationException($"Outbox message {message.Id} has an empty payload.");
}

/// <summary>Delivers one type of outbox message. Throwing means "try again later".</summary>
public interface IOutboxHandler
{
    string Type { get; }

    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}
