using System.Net;
using Ciudad.Platform.Identity;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Tests.Open311;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Ciudad.ServiceRequests.Tests.Instances;

/// <summary>311 behind a load balancer: two instances on one database and one Redis, each with its background jobs.</summary>
public sealed class AcrossInstancesTests
{
    [Fact]
    public async Task Each_overdue_request_is_flagged_and_its_manager_emailed_exactly_once_with_both_instances_checking()
    {
        await using var instances = await CiudadInstances.StartAsync(new Dictionary<string, string?>
        {
            ["Ciudad:ServiceRequests:SlaMonitorEnabled"] = "true",
            ["Ciudad:ServiceRequests:SlaCheckInterval"] = "00:00:01",
            ["Ciudad:ServiceRequests:SlaBatchSize"] = "2", // many small claims, so the two jobs interleave
        });
        var manager = await instances.A.CreateStaffAsync(StaffRoles.DepartmentManager, "streets-and-maintenance");
        var requests = new List<ServiceRequest>();
        for (var i = 0; i < 8; i++)
        {
            requests.Add(await (i % 2 == 0 ? instances.A : instances.B).CreateRequestAsync());
        }
        var ids = requests.Select(r => r.Id).ToList();
        var numbers = requests.Select(r => RequestNumbers.Format(r.Number)).ToList();

        // All fall overdue at the same moment, with both jobs running.
        await instances.A.WithDbAsync(d => d.Requests().Where(r => ids.Contains(r.Id))
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.ExpectedAt, DateTimeOffset.UtcNow.AddHours(-2))));
        IReadOnlyList<string> WarnedAbout() =>
            [.. instances.Mailbox.To(manager.Email).SelectMany(m => numbers.Where(n => Subject(m).Contains(n, StringComparison.Ordinal)))];
        await Eventually.WaitUntilAsync(() => WarnedAbout().Count >= numbers.Count,
            () => $"the manager heard about {WarnedAbout().Count} of {numbers.Count} overdue requests");
        var breaches = await instances.A.WithDbAsync(d => d.RequestEvents().AsNoTracking()
            .Where(e => ids.Contains(e.RequestId) && e.Kind == RequestEventKind.SlaBreached)
            .Select(e => new { e.RequestId, e.IsPublic }).ToListAsync());
        await instances.StopAsync(); // nothing left in flight: the mailbox holds everything ever delivered

        Assert.Equal(ids.Order(), breaches.Select(b => b.RequestId).Order());
        Assert.All(breaches, b => Assert.False(b.IsPublic));
        Assert.Equal(numbers.Order(StringComparer.Ordinal), WarnedAbout().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_api_keys_limit_counts_posts_to_both_instances()
    {
        await using var instances = await CiudadInstances.StartAsync();
        var key = await instances.A.NewApiKeyAsync(requestsPerMinute: 4);

        var answers = new List<HttpStatusCode>();
        foreach (var app in new[] { instances.A, instances.B, instances.A, instances.B })
        {
            answers.Add((await app.Open311PostAsync("json", Open311Kit.PotholeFields(key))).Status);
        }
        var overOnA = await instances.A.Open311PostAsync("xml", Open311Kit.PotholeFields(key));
        var overOnB = await instances.B.Open311PostAsync("json", Open311Kit.PotholeFields(key));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Contains("4 per minute", Assert.Single(overOnA.AssertErrors("xml", HttpStatusCode.TooManyRequests)), StringComparison.Ordinal);
        overOnB.AssertErrors("json", HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(overOnB.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }

    private static string Subject(MimeMessage message) => message.Subject ?? "";
}
