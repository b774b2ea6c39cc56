using System.Collections.Concurrent;
using Ciudad.Platform.Data;
using Ciudad.Platform.Email;
using Ciudad.Platform.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ciudad.Platform.Tests.Outbox;

/// <summary>Handlers the tests control: one that fails on demand, one that counts deliveries.</summary>
internal sealed class TestHandlers
{
    public ConcurrentDictionary<long, int> Deliveries { get; } = new();
    public bool Failing { get; set; } = true;

    public sealed class Flaky(TestHandlers state) : IOutboxHandler
    {
        public string Type => "test.flaky";

        public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken) =>
            state.Failing ? throw new InvalidOperationException("receiver unavailable") : Task.CompletedTask;
    }

    public sealed class Counting(TestHandlers state) : IOutboxHandler
    {
        public string Type => "test.count";

        public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            state.Deliveries.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
            await Task.Yield();
        }
    }
}

public sealed class OutboxTests
{
    private static async Task<(CiudadApp App, TestHandlers Handlers)> StartAsync(TestDatabase db)
    {
        var handlers = new TestHandlers();
        var app = await CiudadApp.StartAsync(db,
            new Dictionary<string, string?>
            {
                // The tests drive dispatch themselves, as several instances would.
                ["Ciudad:Outbox:DispatcherEnabled"] = "false",
                ["Ciudad:Outbox:MaxAttempts"] = "3",
                ["Ciudad:Outbox:FirstRetryDelay"] = "00:00:00",
            },
            services =>
            {
                services.AddSingleton(handlers);
                services.AddScoped<IOutboxHandler, TestHandlers.Flaky>();
                services.AddScoped<IOutboxHandler, TestHandlers.Counting>();
            });
        return (app, handlers);
    }

    [Theory, BothDatabases]
    public async Task A_message_exists_only_if_its_transaction_commits(TestDatabase db)
    {
        var (app, _) = await StartAsync(db);
        await using var _app = app;

        await app.WithServicesAsync(async sp =>
        {
            var context = sp.GetRequiredService<CiudadDbContext>();
            var emails = sp.GetRequiredService<Emails>();
            await using (var rolledBack = await context.Database.BeginTransactionAsync())
            {
                emails.Queue("rolled-back@example.test", "en", "PasswordChanged", "https://x.test/reset");
                await context.SaveChangesAsync();
                await rolledBack.RollbackAsync();
            }
            context.ChangeTracker.Clear();
            emails.Queue("committed@example.test", "es", "PasswordChanged", "https://x.test/reset");
            await context.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(CancellationToken.None);

        var delivered = app.Mailbox.All();
        var message = Assert.Single(delivered);
        Assert.Equal("committed@example.test", message.To.Mailboxes.Single().Address);
        Assert.Equal("Se cambió su contraseña de la Ciudad de El Paso", message.Subject);
        Assert.Equal("es", message.Body!.Headers["Content-Language"]);
    }

    [Theory, BothDatabases]
    public async Task A_failing_message_is_retried_then_dead_lettered_and_an_administrator_can_retry_it(TestDatabase db)
    {
        var (app, handlers) = await StartAsync(db);
        await using var _app = app;
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        var id = await app.WithServicesAsync(async sp =>
        {
            var message = sp.GetRequiredService<Ciudad.Platform.Outbox.Outbox>().Enqueue("test.flaky", new { n = 1 });
            await sp.GetRequiredService<CiudadDbContext>().SaveChangesAsync();
            return message.Id;
        });

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await dispatcher.DispatchBatchAsync(CancellationToken.None);
        }
        var dead = await app.WithDbAsync(d => d.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        var afterDead = await dispatcher.DispatchBatchAsync(CancellationToken.None);

        Assert.Equal(OutboxStatus.Dead, dead.Status);
        Assert.Equal(3, dead.Attempts);
        Assert.Equal("receiver unavailable", dead.LastError);
        Assert.Equal(0, afterDead);

        handlers.Failing = false;
        var retried = await app.WithServicesAsync(async sp =>
        {
            var ok = await sp.GetRequiredService<OutboxStore>().RetryDeadAsync(id, CancellationToken.None);
            await sp.GetRequiredService<CiudadDbContext>().SaveChangesAsync();
            return ok;
        });
        await dispatcher.DispatchBatchAsync(CancellationToken.None);
        var delivered = await app.WithDbAsync(d => d.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

        Assert.True(retried);
        Assert.Equal(OutboxStatus.Delivered, delivered.Status);
        Assert.NotNull(delivered.DeliveredAt);
    }

    [Theory, BothDatabases]
    public async Task Several_dispatchers_deliver_every_message_exactly_once(TestDatabase db)
    {
        var (app, handlers) = await StartAsync(db);
        await using var _app = app;
        const int count = 150;
        await app.WithServicesAsync(async sp =>
        {
            var outbox = sp.GetRequiredService<Ciudad.Platform.Outbox.Outbox>();
            for (var i = 0; i < count; i++)
            {
                outbox.Enqueue("test.count", new { i });
            }
            await sp.GetRequiredService<CiudadDbContext>().SaveChangesAsync();
        });

        // Four independent dispatchers, as four app instances would run them.
        var options = Options.Create(new OutboxOptions { BatchSize = 7 });
        var dispatchers = Enumerable.Range(0, 4).Select(_ => new OutboxDispatcher(
            app.Services.GetRequiredService<IServiceScopeFactory>(), options, NullLogger<OutboxDispatcher>.Instance)).ToList();
        await Task.WhenAll(dispatchers.Select(async dispatcher =>
        {
            while (await dispatcher.DispatchBatchAsync(CancellationToken.None) > 0)
            {
            }
        }));

        Assert.Equal(count, handlers.Deliveries.Count);
        Assert.All(handlers.Deliveries.Values, n => Assert.Equal(1, n));
        Assert.Equal(count, await app.WithDbAsync(d => d.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Delivered)));
    }

    [Theory, BothDatabases]
    public async Task An_email_sent_before_a_failed_save_is_not_sent_again_when_the_message_is_redelivered(TestDatabase db)
    {
        var (app, _) = await StartAsync(db);
        await using var _app = app;
        const string to = "once@example.test";
        await app.WithServicesAsync(async sp =>
        {
            sp.GetRequiredService<Emails>().Queue(to, "en", "PasswordChanged", "https://x.test/reset");
            await sp.GetRequiredService<CiudadDbContext>().SaveChangesAsync();
        });

        // The first delivery: the handler runs (the mail server accepts the message), then the
        // dispatcher's save fails, as in a crash: the outbox row is still pending.
        var id = await app.WithServicesAsync(async sp =>
        {
            var message = await sp.GetRequiredService<CiudadDbContext>().OutboxMessages.SingleAsync(m => m.Payload.Contains(to));
            var handler = sp.GetServices<IOutboxHandler>().Single(h => h.Type == EmailOutboxHandler.MessageType);
            await handler.HandleAsync(message, CancellationToken.None);
            return message.Id;
        });
        Assert.Single(app.Mailbox.To(to));
        Assert.Equal(OutboxStatus.Pending, await app.WithDbAsync(d => d.OutboxMessages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));

        // The redelivery.
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(CancellationToken.None);

        Assert.Single(app.Mailbox.To(to));
        Assert.Equal(OutboxStatus.Delivered, await app.WithDbAsync(d => d.OutboxMessages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public void Retry_delay_doubles_and_is_capped()
    {
        var options = new OutboxOptions { FirstRetryDelay = TimeSpan.FromSeconds(15), MaxRetryDelay = TimeSpan.FromMinutes(2) };

        Assert.Equal(TimeSpan.FromSeconds(15), OutboxStore.RetryDelay(1, options));
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxStore.RetryDelay(2, options));
        Assert.Equal(TimeSpan.FromSeconds(60), OutboxStore.RetryDelay(3, options));
        Assert.Equal(TimeSpan.FromMinutes(2), OutboxStore.RetryDelay(10, options));
    }
}
