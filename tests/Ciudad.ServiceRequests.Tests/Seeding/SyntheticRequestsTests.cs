using Ciudad.ServiceRequests.Intake;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Tests.Seeding;

public sealed class SyntheticRequestsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Seed_demo_adds_the_requested_number_of_valid_requests_with_unique_numbers_over_three_years(TestDatabase db)
    {
        var app = await fixture.For(db);
        await app.CreateRequestAsync();
        var before = await app.WithDbAsync(d => d.Requests().CountAsync());
        var from = await app.WithDbAsync(d => d.Requests().MaxAsync(r => r.Id));

        // The same seed twice: the second run must still find fresh numbers and tokens.
        await GenerateAsync(app, 2000, seed: 7);
        await GenerateAsync(app, 2000, seed: 7);

        var rows = await app.WithDbAsync(d => d.Requests().AsNoTracking()
            .Where(r => r.Id > from)
            .Select(r => new { r.Number, r.RequestedAt, r.ClosedAt, r.IsOpen, r.ServiceId, Received = r.Events.Count(e => e.Kind == RequestEventKind.Received && e.IsPublic) })
            .ToListAsync());
        Assert.Equal(4000, rows.Count);
        Assert.Equal(before + 4000, await app.WithDbAsync(d => d.Requests().Select(r => r.Number).Distinct().CountAsync()));
        Assert.All(rows, r => Assert.Equal(r.Number, RequestNumbers.Normalize(r.Number)));
        Assert.All(rows, r => Assert.Equal(1, r.Received));
        Assert.All(rows, r => Assert.True(r.IsOpen == (r.ClosedAt is null) && (r.ClosedAt is null || r.ClosedAt >= r.RequestedAt)));

        var now = DateTimeOffset.UtcNow;
        var byYear = rows.GroupBy(r => (int)((now - r.RequestedAt).TotalDays / 365)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([0, 1, 2], byYear.Keys.Order());
        Assert.All(byYear.Values, count => Assert.InRange(count, 1000, 1700));
        Assert.True(rows.Select(r => r.ServiceId).Distinct().Count() >= 10);
    }

    [Theory, BothDatabases]
    public async Task Synthetic_requests_answer_every_required_question_validly(TestDatabase db)
    {
        var app = await fixture.For(db);
        var from = await app.WithDbAsync(d => d.Requests().MaxAsync(r => (long?)r.Id)) ?? 0;
        await GenerateAsync(app, 500, seed: 11);

        var services = await app.WithDbAsync(d => d.Services().Include(s => s.Attributes).ThenInclude(a => a.Values).AsSplitQuery().ToDictionaryAsync(s => s.Id));
        var requests = await app.WithDbAsync(d => d.Requests().AsNoTracking().Where(r => r.Id > from).Include(r => r.Answers).ToListAsync());
        Assert.Equal(500, requests.Count);
        foreach (var request in requests)
        {
            foreach (var attribute in services[request.ServiceId].Attributes)
            {
                Assert.Empty(AnswerRules.Check(attribute, request.Answers.Where(a => a.AttributeCode == attribute.Code).Select(a => a.Value).ToList()));
            }
        }
    }

    [Theory, BothDatabases]
    public async Task A_batch_whose_number_is_taken_meanwhile_is_refused_whole_so_it_can_be_renumbered(TestDatabase db)
    {
        var app = await fixture.For(db);
        var taken = await app.CreateRequestAsync();
        var before = await app.WithDbAsync(d => d.Requests().CountAsync());

        var written = await app.WithServicesAsync(async sp =>
        {
            var context = sp.GetRequiredService<Platform.Data.CiudadDbContext>();
            ServiceRequest Copy(string number) => new()
            {
                Number = number, ServiceId = taken.ServiceId, DepartmentId = taken.DepartmentId, RequestedAt = taken.RequestedAt,
                UpdatedAt = taken.RequestedAt, Events = [new RequestEvent { Kind = RequestEventKind.Received, IsPublic = true, OccurredAt = taken.RequestedAt }],
            };
            return await BulkRequestWriter.For(context).TryWriteAsync([Copy(RequestNumbers.New()), Copy(taken.Number)], CancellationToken.None);
        });

        Assert.False(written);
        Assert.Equal(before, await app.WithDbAsync(d => d.Requests().CountAsync()));
    }

    private static Task<int> GenerateAsync(CiudadApp app, int count, int seed) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<SyntheticRequests>().GenerateAsync(count, seed));
}
