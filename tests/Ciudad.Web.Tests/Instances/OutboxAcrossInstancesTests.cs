using Ciudad.Platform.Data;
using Ciudad.Platform.Email;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Web.Tests.Instances;

/// <summary>Both instances deliver queued email; between them, every message goes out exactly once.</summary>
public sealed class OutboxAcrossInstancesTests
{
    [Fact]
    public async Task Each_queued_email_is_delivered_exactly_once_with_both_instances_delivering()
    {
        // Small batches, so the two dispatchers take turns at the queue many times over.
        await using var instances = await CiudadInstances.StartAsync(new Dictionary<string, string?>
        {
            ["Ciudad:Outbox:BatchSize"] = "3",
        });
        var recipients = Enumerable.Range(1, 30).Select(i => TestPeople.UniqueEmail($"outbox-{i}")).ToList();

        // Half queued by each instance, each half in one transaction: all become due at once.
        await QueueAsync(instances.A, recipients[..15]);
        await QueueAsync(instances.B, recipients[15..]);
        IReadOnlyList<string> Delivered() =>
            [.. instances.Mailbox.All().Select(m => m.To.Mailboxes.Single().Address).Where(recipients.Contains)];
        await Eventually.WaitUntilAsync(() => Delivered().Count >= recipients.Count,
            () => $"{Delivered().Count} of {recipients.Count} emails delivered");
        await instances.StopAsync(); // nothing left in flight: the folder holds everything ever delivered

        Assert.Equal(recipients.Order(StringComparer.Ordinal), Delivered().Order(StringComparer.Ordinal));
    }

    private static Task QueueAsync(CiudadApp app, IEnumerable<string> recipients) =>
        app.WithServicesAsync(async services =>
        {
            var emails = services.GetRequiredService<Emails>();
            foreach (var recipient in recipients)
            {
                emails.Queue(recipient, "en", "PasswordChanged", "https://x.test/reset");
            }
            await services.GetRequiredService<CiudadDbContext>().SaveChangesAsync();
        });
}
