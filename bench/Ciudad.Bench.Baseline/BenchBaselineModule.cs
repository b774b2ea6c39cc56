using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ciudad.Platform.Data;
using Ciudad.Platform.Modules;
using Ciudad.ServiceRequests.Open311;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ciudad.Bench.Baseline;

/// <summary>
/// Benchmark-only twins of <c>GET /open311/v2/requests.json</c> and <c>requests/{id}.json</c>: the
/// exact SQL that <see cref="RequestListQuery"/> generates (captured once at start with
/// <c>ToQueryString()</c>), run through plain Npgsql and written with a bare Utf8JsonWriter — no
/// EF, no Open311 formatting layer. bench/open311-load.sh measures both in the same process, so
/// the cost of Ciudad's stack is a ratio. Not part of the product: a module the load script builds
/// and loads with <c>Ciudad__Modules__Load__0</c>, on PostgreSQL only, answering on loopback only: the
/// rows are raw (no personal columns, hidden services left out, but coarsened services' exact points
/// are not coarsened).
/// </summary>
public sealed partial class BenchBaselineModule : CiudadModule
{
    public override string Name => "bench-baseline";

    public override string TablePrefix => "bench_";

    // Sentinels: the parameter whose rendered value contains one of these is the one to bind.
    private const int ServiceIdMark = 987_654_321;
    private const string NumberMark = "BENCHNO";
    private static readonly DateTimeOffset FromMark = new(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ToMark = new(2002, 2, 2, 0, 0, 0, TimeSpan.Zero);
    private const int PageMark = 7, PageSizeMark = 37;
    private const string CultureMark = "zz";

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var configuration = endpoints.ServiceProvider.GetRequiredService<IConfiguration>();
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<BenchBaselineModule>();
        var connectionString = configuration.GetConnectionString("Ciudad");
        if (configuration.GetValue<DatabaseProvider>("Ciudad:Database:Provider") != DatabaseProvider.Postgres || connectionString is null)
        {
            throw new InvalidOperationException("The benchmark baseline needs Ciudad:Database:Provider=Postgres: it is plain Npgsql.");
        }
        var dataSource = NpgsqlDataSource.Create(connectionString);
        Statement list, count, single;
        using (var scope = endpoints.ServiceProvider.CreateScope())
        {
            var query = scope.ServiceProvider.GetRequiredService<RequestListQuery>();
            var filter = new RequestListFilter
            {
                ServiceIds = [ServiceIdMark], IsOpen = true, RequestedFrom = FromMark, RequestedTo = ToMark, Page = PageMark, PageSize = PageSizeMark,
                Culture = CultureMark,
            };
            list = Statement.Parse(query.ToSql(filter));
            // A full page also tells the client how many match in all (X-Total-Count): the app counts
            // with a second statement, so the baseline runs the same count.
            var matches = Statement.Parse(query.MatchesSql(filter));
            count = matches with { Sql = $"SELECT count(*)::int FROM ({matches.Sql}) AS matching" };
            single = Statement.Parse(query.ToSql(new RequestListFilter { Numbers = [NumberMark], Culture = CultureMark }));
        }
        // The app remembers service ids by code (ServiceCodeDirectory); the baseline reads them once
        // here, so both run only the list statement per call and the comparison stays like for like.
        var serviceIdsByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var lookup = dataSource.CreateCommand("SELECT code, id FROM sr_services"))
        using (var reader = lookup.ExecuteReader())
        {
            while (reader.Read())
            {
                serviceIdsByCode[reader.GetString(0)] = reader.GetInt32(1);
            }
        }
        logger.LogWarning("Benchmark baseline endpoints are mapped at /bench/baseline. List SQL:\n{List}\nSingle SQL:\n{Single}", list.Sql, single.Sql);

        // Raw rows (exact coordinates of coarsened services included): answered on loopback only,
        // where the load script runs, never to the network even if the setting is left on.
        var group = endpoints.MapGroup("/bench/baseline").AllowAnonymous().ExcludeFromDescription()
            .AddEndpointFilter((context, next) =>
                context.HttpContext.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip)
                    ? next(context)
                    : ValueTask.FromResult<object?>(Results.NotFound()));
        group.MapGet("/requests.json", (HttpContext http) =>
        {
            var q = http.Request.Query;
            var serviceIds = q["service_code"].ToString().Split(',')
                .Select(code => serviceIdsByCode.TryGetValue(code, out var id) ? id : -1).ToList();
            var page = int.TryParse(q["page"], CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, 1_000_000) : 1;
            var size = int.TryParse(q["page_size"], CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 500) : 50;
            return RunAsync(http, dataSource, list, count, size, new Dictionary<string, object>
            {
                // EF renders a list either as one array parameter or as one parameter per item.
                ["services[]"] = serviceIds.ToArray(),
                ["service"] = serviceIds.FirstOrDefault(-1),
                ["open"] = q["status"] == "open",
                [Mark(FromMark)] = DateTimeOffset.Parse(q["start_date"]!, CultureInfo.InvariantCulture).ToUniversalTime(),
                [Mark(ToMark)] = DateTimeOffset.Parse(q["end_date"]!, CultureInfo.InvariantCulture).ToUniversalTime(),
                ["skip"] = (page - 1) * size,
                ["take"] = size,
                ["culture"] = "en",
            });
        }).WithName("BenchBaselineRequests");
        group.MapGet("/requests/{id}.json", (string id, HttpContext http) =>
            RunAsync(http, dataSource, single, null, 0, new Dictionary<string, object>
            {
                // One id is an equality on the number (a list of ids would be an array).
                [NumberMark] = id.Replace("-", "", StringComparison.Ordinal),
                ["culture"] = "en",
            }))
            .WithName("BenchBaselineRequest");
        PostBaseline.Map(group, dataSource);
    }

    private static string Mark(DateTimeOffset mark) => mark.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Runs the statement and writes its rows; when they fill a page, runs the count too and sends it as the app does.</summary>
    private static async Task RunAsync(HttpContext http, NpgsqlDataSource dataSource, Statement statement, Statement? count, int pageSize, Dictionary<string, object> values)
    {
        await using var connection = await dataSource.OpenConnectionAsync(http.RequestAborted);
        await using var command = Bind(new NpgsqlCommand(statement.Sql, connection), statement, values);
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        var rows = 0;
        await using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            while (await reader.ReadAsync(http.RequestAborted))
            {
                WriteRow(json, reader);
                rows++;
            }
            json.WriteEndArray();
        }
        await reader.DisposeAsync();
        if (count is not null && rows == pageSize)
        {
            await using var counting = Bind(new NpgsqlCommand(count.Sql, connection), count, values);
            var total = (int)(await counting.ExecuteScalarAsync(http.RequestAborted))!;
            http.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted);
    }

    private static NpgsqlCommand Bind(NpgsqlCommand command, Statement statement, Dictionary<string, object> values)
    {
        foreach (var (name, role) in statement.Parameters)
        {
            command.Parameters.AddWithValue(name, values[role]);
        }
        return command;
    }

    private static void WriteRow(Utf8JsonWriter json, NpgsqlDataReader reader)
    {
        json.WriteStartObject();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            json.WritePropertyName(reader.GetName(i));
            switch (reader.IsDBNull(i) ? null : reader.GetValue(i))
            {
                case null: json.WriteNullValue(); break;
                case string s: json.WriteStringValue(s); break;
                case int n: json.WriteNumberValue(n); break;
                case long n: json.WriteNumberValue(n); break;
                case double d: json.WriteNumberValue(d); break;
                case bool b: json.WriteBooleanValue(b); break;
                case DateTime t: json.WriteStringValue(new DateTimeOffset(t, TimeSpan.Zero)); break;
                case var other: json.WriteStringValue(Convert.ToString(other, CultureInfo.InvariantCulture)); break;
            }
        }
        json.WriteEndObject();
    }

    /// <summary>EF's rendered statement: the SQL, and each parameter's role recognised by its sentinel value.</summary>
    private sealed record Statement(string Sql, IReadOnlyList<(string Name, string Role)> Parameters)
    {
        public static Statement Parse(string rendered)
        {
            var lines = rendered.Split('\n');
            var parameters = new List<(string, string)>();
            foreach (Match m in lines.Select(l => ParameterLine().Match(l)).Where(m => m.Success))
            {
                var (name, value) = (m.Groups[1].Value, m.Groups[2].Value);
                var role = value.Contains(ServiceIdMark.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    ? (value.TrimStart('\'').StartsWith('{') ? "services[]" : "service")
                    : new[] { NumberMark, Mark(FromMark), Mark(ToMark) }.FirstOrDefault(value.Contains)
                    ?? (value.Trim('\'') == "True" ? "open"
                    : value.Trim('\'') == CultureMark ? "culture"
                    : value.Trim('\'') == ((PageMark - 1) * PageSizeMark).ToString(CultureInfo.InvariantCulture) ? "skip"
                    : value.Trim('\'') == PageSizeMark.ToString(CultureInfo.InvariantCulture) ? "take"
                    : throw new InvalidOperationException($"Unrecognised parameter in the Open311 list SQL: {m.Value}"));
                parameters.Add((name, role));
            }
            return new Statement(string.Join('\n', lines.Where(l => !l.StartsWith("--", StringComparison.Ordinal))).Trim(), parameters);
        }
    }

    [GeneratedRegex(@"^-- @(\w+)=(.*?)(?: \(DbType = \w+\))?\s*$")]
    private static partial Regex ParameterLine();
}
