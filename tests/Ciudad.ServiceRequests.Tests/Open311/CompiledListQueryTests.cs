using System.Text.RegularExpressions;
using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Open311;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>
/// Plain lists, their counts and the single request run as EF compiled queries; searches, boxes and
/// id lists build their LINQ per call, and the benchmark baseline takes its SQL from that general
/// path (<see cref="RequestListQuery.ToSql"/>). The two must send the same statement (so the bench
/// compares like with like and an unset filter costs nothing in SQL) and find the same requests.
/// </summary>
public sealed partial class CompiledListQueryTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Compiled_lists_send_the_general_paths_sql_and_find_the_same_requests(TestDatabase db)
    {
        var app = await fixture.For(db);
        var first = await app.CreateRequestAsync();
        await app.CreateRequestAsync(r => r with { ServiceCode = "dead-animal", Answers = new Dictionary<string, IReadOnlyList<string>>() });
        await app.CreateRequestAsync();
        var now = DateTimeOffset.UtcNow;
        RequestListFilter[] filters =
        [
            new() { ServiceCodes = ["pothole"], IsOpen = true, RequestedFrom = now.AddDays(-1), RequestedTo = now.AddDays(1), Culture = "es" },
            new() { RequestedFrom = now.AddMinutes(-10) },
            new() { UpdatedAfter = now.AddDays(-1), UpdatedBefore = now.AddDays(1), IsOpen = true, Page = 2, PageSize = 1 },
            new() { ServiceCodes = ["pothole", "dead-animal"], RequestedFrom = now.AddMinutes(-10), PageSize = 2 },
            new() { Numbers = [first.Number], Culture = "es" },
        ];

        foreach (var filter in filters)
        {
            // Codes become ids first, in a context of their own, so the counted one sends only the list and the count.
            var resolved = await app.WithServicesAsync(sp => sp.GetRequiredService<RequestListQuery>().ResolveAsync(filter));
            await app.WithServicesAsync(async sp =>
            {
                var query = sp.GetRequiredService<RequestListQuery>();
                List<RequestListRow> rows;
                int total;
                IReadOnlyList<string> sent;
                using (var counted = DatabaseRoundTrips.Of(sp.GetRequiredService<CiudadDbContext>()))
                {
                    rows = await query.ListAsync(resolved);
                    total = await query.CountAsync(resolved);
                    sent = counted.CommandTexts;
                }
                var general = await query.Build(resolved).ToListAsync();

                Assert.Equal(general, rows);
                Assert.NotEmpty(rows);
                Assert.True(total >= rows.Count, $"count {total} < page {rows.Count}");
                Assert.Equal(Normalized(query.ToSql(resolved)), Normalized(sent[0]));
                // An unset filter leaves no "@x IS NULL OR …" in the SQL, which would keep PostgreSQL off its indexes.
                Assert.All(sent, sql => Assert.DoesNotMatch(NullCheckOfParameter(), sql));
                return 0;
            });
        }
    }

    /// <summary>The statement without the parameter lines EF puts before it (comments; SQLite shell commands), parameters named alike (the two paths name them differently).</summary>
    private static string Normalized(string sql) =>
        ParameterName().Replace(string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal) && !l.StartsWith(".param set", StringComparison.Ordinal))).Trim(), "@p");

    [GeneratedRegex(@"@\w+")]
    private static partial Regex ParameterName();

    [GeneratedRegex(@"@\w+ IS NULL", RegexOptions.IgnoreCase)]
    private static partial Regex NullCheckOfParameter();
}
