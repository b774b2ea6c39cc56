using System.Diagnostics;
using Ciudad.Platform.Seeding;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Intake;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Ciudad.ServiceRequests.Tests.Seeding;

public sealed class DemoRequestsTests(ITestOutputHelper output)
{
    [Theory, BothDatabases]
    public async Task The_demo_city_starts_with_valid_requests_in_every_status_and_area_and_seeding_again_adds_nothing(TestDatabase db)
    {
        await using var app = await CiudadApp.StartAsync(db, new Dictionary<string, string?> { ["Ciudad:ServiceRequests:DemoRequests"] = "300" });
        var requests = await LoadAllAsync(app);
        var services = await app.WithDbAsync(d => d.Services().Include(s => s.Attributes).ThenInclude(a => a.Values).AsSplitQuery().ToDictionaryAsync(s => s.Id));
        var geography = app.Services.GetRequiredService<CityGeography>();

        Assert.Equal(300, requests.Count);
        Assert.Equal(RequestStatuses.All.ToHashSet(), requests.Select(r => r.Status).ToHashSet());
        Assert.Equal(geography.Areas.Select(a => a.Code).ToHashSet(), requests.Where(r => r.AreaCode is not null).Select(r => r.AreaCode!).ToHashSet());
        Assert.Equal(services.Values.Select(s => s.Code).ToHashSet(), requests.Select(r => services[r.ServiceId].Code).ToHashSet());
        Assert.Contains(requests, r => r.ReporterCulture == "es" && r.Events.Any(e => e.IsPublic && e.Note is not null));
        Assert.Contains(requests, r => r.AssignedToUserId is not null);
        Assert.Contains(requests, r => r.Followers.Count > 0);
        foreach (var request in requests)
        {
            var service = services[request.ServiceId];
            Assert.Equal(service.DepartmentId, request.DepartmentId);
            if (request.Latitude is { } lat)
            {
                var point = new GeoPoint(lat, request.Longitude!.Value);
                Assert.True(geography.IsInsideCity(point), $"{request.Number} is outside the city");
                Assert.Equal(geography.AreaOf(point), request.AreaCode);
            }
            Assert.False(string.IsNullOrWhiteSpace(request.Address));
            foreach (var attribute in service.Attributes)
            {
                var values = request.Answers.Where(a => a.AttributeCode == attribute.Code).Select(a => a.Value).ToList();
                Assert.Empty(AnswerRules.Check(attribute, values));
            }
            Assert.Equal(request.Status.IsOpen(), request.IsOpen);
            Assert.Equal(request.IsOpen, request.ClosedAt is null);
            Assert.True(request.ClosedAt is null || request.ClosedAt >= request.RequestedAt);
            var timeline = request.Events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToList();
            Assert.Equal(RequestEventKind.Received, timeline[0].Kind);
            Assert.Equal(request.RequestedAt, timeline[0].OccurredAt);
            Assert.Equal(request.Status, timeline.Last(e => e.IsPublic).Status);
            Assert.Equal(request.UpdatedAt, timeline.Last(e => e.IsPublic).OccurredAt);
            Assert.All(request.Followers.Select(f => f.Email).Append(request.ReporterEmail ?? "x@example.com"),
                email => Assert.EndsWith("@example.com", email, StringComparison.Ordinal));
        }
        Assert.Equal(0, await app.WithDbAsync(d => d.OutboxMessages.CountAsync()));

        var stopwatch = Stopwatch.StartNew();
        await app.WithServicesAsync(sp => sp.GetRequiredService<DemoData>().SeedAsync());
        output.WriteLine($"Seeding again took {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal(300, await app.WithDbAsync(d => d.Requests().CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task Three_hundred_demo_requests_seed_in_one_transaction_and_a_few_round_trips_not_one_per_row(TestDatabase db)
    {
        await using var app = await CiudadApp.StartAsync(db);

        var (added, commands, commits) = await app.WithServicesAsync(async sp =>
        {
            var context = sp.GetRequiredService<Ciudad.Platform.Data.CiudadDbContext>();
            using var roundTrips = DatabaseRoundTrips.Of(context);
            var demo = ActivatorUtilities.CreateInstance<DemoRequests>(sp,
                Microsoft.Extensions.Options.Options.Create(new DemoRequestOptions { DemoRequests = 300 }));
            var count = await demo.SeedAsync();
            return (count, roundTrips.Commands, roundTrips.Commits);
        });
        output.WriteLine($"{added} demo requests: {commands} commands, {commits} commits on {db}");

        Assert.Equal(300, added);
        // Counted, not timed (timing belongs in bench/): saving row by row would commit 300 times and
        // send at least one command per request, answer, event and follower (well over 1,000).
        Assert.Equal(1, commits);
        if (db == TestDatabase.Postgres)
        {
            // Each command is a network round trip here; EF batches the inserts of one save.
            Assert.InRange(commands, 1, 40);
        }
        // SQLite runs in the process: EF sends a statement per row there, but none crosses a network,
        // so the commit count above is what a per-row regression would change.
    }

    private static Task<List<ServiceRequest>> LoadAllAsync(CiudadApp app) => app.WithDbAsync(d => d.Requests().AsNoTracking()
        .Include(r => r.Answers).Include(r => r.Events).Include(r => r.Followers).AsSplitQuery().ToListAsync());
}
