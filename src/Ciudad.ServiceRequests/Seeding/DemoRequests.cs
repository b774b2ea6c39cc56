using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Data;
using Ciudad.Platform.Seeding;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Seeding;

/// <summary>Settings of the demo requests (<c>Ciudad:ServiceRequests:DemoRequests</c>).</summary>
internal sealed class DemoRequestOptions
{
    /// <summary>How many requests the demo starts with; 0 leaves the demo city empty (the tests' default).</summary>
    [Range(0, 100_000)] public int DemoRequests { get; set; } = 300;
}

/// <summary>
/// A few hundred requests from the last four months so a person trying Ciudad sees a living
/// system: every status, every area, public updates in the reporter's language, some assigned and
/// followed. Only into a city with no requests yet (idempotent), written directly as rows: no
/// emails go out and nothing passes the outbox.
/// </summary>
internal sealed class DemoRequests(
    CiudadDbContext db,
    SlaCalendar sla,
    DemoPlaces places,
    IOptions<DemoRequestOptions> options,
    TimeProvider clock,
    ILogger<DemoRequests> logger)
{
    public const int Seed = 20260311;
    public const int WindowDays = 120;

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var count = options.Value.DemoRequests;
        if (count == 0 || await db.Requests().AnyAsync(cancellationToken))
        {
            return 0;
        }
        var services = await db.Services().AsNoTracking()
            .Include(s => s.Attributes).ThenInclude(a => a.Values)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var assignee = await db.Users.Where(u => u.Email == DemoData.AdminEmail).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        var generator = new RequestGenerator(services, sla, places, new Random(Seed), clock.GetUtcNow(),
            new HashSet<string>(StringComparer.Ordinal), assignee, includeFollowers: true);

        // The first few requests take each status in turn, so every status shows in the demo.
        var statuses = RequestStatuses.All;
        var requests = Enumerable.Range(0, count)
            .Select(i => generator.Create(WindowDays, i < statuses.Count ? statuses[i] : null))
            .ToList();
        db.Requests().AddRange(requests);
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
        logger.LogInformation("Demo requests added: {Count}", count);
        return count;
    }
}

internal sealed class DemoRequestsContributor(DemoRequests demo) : IDemoDataContributor
{
    /// <summary>After the catalog (10): requests need its services.</summary>
    public int Order => 20;

    public Task SeedAsync(CancellationToken cancellationToken) => demo.SeedAsync(cancellationToken);
}
