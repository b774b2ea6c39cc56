using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Open311;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Sla;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Ciudad.Bench.Baseline;

/// <summary>
/// The twin of <c>POST /open311/v2/requests.json</c> for bench/wrk/post.lua's posts: the same work
/// an API filing does to the database — find the key, read the service and its questions, pick an
/// unused request number, then in one transaction insert the request, its answers and its
/// "received" timeline entry — written by hand with plain Npgsql on the same durable PostgreSQL.
/// The rows match the app's column for column (the same SLA calendar and city areas compute
/// expected_at and area_code). Like the app's API filings without an email, it queues no outbox
/// message (no subscriber listens to "filed" in the product) and writes no audit entry (only
/// staff filing for a caller is audited). No form parsing beyond what the posts carry, no
/// presenter: what is left between the two rates is Ciudad's stack.
/// </summary>
internal static class PostBaseline
{
    public static void Map(RouteGroupBuilder group, NpgsqlDataSource dataSource)
    {
        group.MapPost("/requests.json", (HttpContext http) => PostAsync(http, dataSource))
            .DisableAntiforgery()
            .WithName("BenchBaselinePost");
    }

    private static async Task PostAsync(HttpContext http, NpgsqlDataSource dataSource)
    {
        var cancellationToken = http.RequestAborted;
        var form = await http.Request.ReadFormAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        var keyId = await ScalarAsync<int?>(connection,
            "SELECT id FROM sr_api_keys WHERE key_hash = $1 AND revoked_at IS NULL LIMIT 1",
            cancellationToken, ApiKeyService.Hash(form["api_key"].ToString()));
        if (keyId is null)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var service = await ServiceAsync(connection, form["service_code"].ToString(), cancellationToken);
        var point = new GeoPoint(
            double.Parse(form["lat"]!, CultureInfo.InvariantCulture),
            double.Parse(form["long"]!, CultureInfo.InvariantCulture));
        var geography = http.RequestServices.GetRequiredService<CityGeography>();
        var answers = (service?.Questions ?? [])
            .Select(q => (q.Code, Value: form[$"attribute[{q.Code}]"].ToString(), q.Required, q.Keys))
            .ToList();
        if (service is null || !geography.IsInsideCity(point)
            || answers.Any(a => (a.Required && a.Value.Length == 0) || (a.Value.Length > 0 && a.Keys.Count > 0 && !a.Keys.Contains(a.Value))))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        string number;
        do
        {
            number = RequestNumbers.New();
        }
        while (await ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT 1 FROM sr_requests WHERE number = $1)", cancellationToken, number));

        var now = MicrosecondNow();
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var requestId = await ScalarAsync<long>(connection, """
                INSERT INTO sr_requests (number, service_id, department_id, description, latitude, longitude, area_code,
                    requested_at, updated_at, expected_at, channel, api_key_id, token, reporter_culture, is_open, priority, reopen_count, status)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11, $12, 'en', TRUE, $13, 0, $14)
                RETURNING id
                """, cancellationToken,
                number, service.Id, service.DepartmentId, form["description"].ToString().Trim(), point.Latitude, point.Longitude,
                (object?)geography.AreaOf(point) ?? DBNull.Value, now,
                (object?)http.RequestServices.GetRequiredService<SlaCalendar>().ExpectedAt(now, service.SlaKind, service.SlaDays) ?? DBNull.Value,
                (int)RequestChannel.Api, keyId.Value, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                (int)RequestPriority.Normal, (int)RequestStatus.Received);

            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var answer in answers.Where(a => a.Value.Length > 0))
            {
                batch.BatchCommands.Add(Command("INSERT INTO sr_request_answers (request_id, attribute_code, value) VALUES ($1, $2, $3)",
                    requestId, answer.Code, answer.Value));
            }
            batch.BatchCommands.Add(Command("""
                INSERT INTO sr_request_events (request_id, occurred_at, kind, is_public, status, actor_name)
                VALUES ($1, $2, $3, TRUE, $4, 'Reporter')
                """, requestId, now, (int)RequestEventKind.Received, (int)RequestStatus.Received));
            await batch.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter.AsStream());
        json.WriteStartArray();
        json.WriteStartObject();
        json.WriteString("service_request_id", number);
        json.WriteString("service_notice", $"Thank you. Follow this request at {http.Request.Scheme}://{http.Request.Host}/requests/{number}");
        json.WriteNull("account_id");
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>PostgreSQL keeps microseconds; the app's rows hold the same precision.</summary>
    private static DateTimeOffset MicrosecondNow()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
    }

    private sealed record Question(string Code, bool Required, List<string> Keys);

    private sealed record ServiceRow(int Id, int DepartmentId, SlaKind SlaKind, int SlaDays, List<Question> Questions);

    /// <summary>The active service and its questions with their allowed answers, in one round trip (as the app reads it).</summary>
    private static async Task<ServiceRow?> ServiceAsync(NpgsqlConnection connection, string code, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT s.id, s.department_id, s.sla_kind, s.sla_days, a.code, a.is_required, v.key
            FROM sr_services s
            LEFT JOIN sr_service_attributes a ON a.service_id = s.id
            LEFT JOIN sr_attribute_values v ON v.attribute_id = a.id
            WHERE s.code = $1 AND s.is_active
            ORDER BY a."order", v."order"
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = code });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        ServiceRow? service = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            service ??= new ServiceRow(reader.GetInt32(0), reader.GetInt32(1), (SlaKind)reader.GetInt32(2), reader.GetInt32(3), []);
            if (reader.IsDBNull(4))
            {
                continue;
            }
            var attribute = reader.GetString(4);
            if (service.Questions.Count == 0 || service.Questions[^1].Code != attribute)
            {
                service.Questions.Add(new Question(attribute, reader.GetBoolean(5), []));
            }
            if (!reader.IsDBNull(6))
            {
                service.Questions[^1].Keys.Add(reader.GetString(6));
            }
        }
        return service;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(Parameter(value));
        }
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is null or DBNull ? default! : (T)result;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(Parameter(value));
        }
        return command;
    }

    private static NpgsqlParameter Parameter(object value) => value switch
    {
        DateTimeOffset instant => new NpgsqlParameter { Value = instant, NpgsqlDbType = NpgsqlDbType.TimestampTz },
        _ => new NpgsqlParameter { Value = value },
    };
}
