using System.Net;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>
/// What one Open311 POST costs the database, counted (not timed): a regression to per-row or
/// per-lookup work shows here on any machine. bench/open311-load.sh measures the rate itself.
/// </summary>
public sealed class PostRoundTripTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Filing_a_request_with_answers_and_an_email_takes_a_fixed_few_round_trips_and_one_commit(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync();
        // Measured before: 7 commands on PostgreSQL, 10 on SQLite (the service and its questions took three queries).
        await app.Open311PostAsync("json", Open311Kit.PotholeFields(key)); // warm: caches filled by the first request

        using var counted = await DatabaseRoundTrips.DuringRequestsAsync(app, "/open311/v2/requests");
        var response = await app.Open311PostAsync("json", [.. Open311Kit.PotholeFields(key), new("email", TestPeople.UniqueEmail("counted"))]);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        // PostgreSQL batches the inserts into one command; SQLite sends one command per inserted row.
        var most = db == TestDatabase.Postgres ? 5 : 8;
        Assert.True(counted.Commands <= most, $"One POST sent {counted.Commands} commands (at most {most} expected):\n{string.Join("\n", counted.Statements)}");
        Assert.Equal(1, counted.Commits);
    }
}
