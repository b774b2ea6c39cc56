using System.Net;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>
/// mySociety's <c>POST servicerequestupdates</c>, as FixMyStreet sends a comment on a report it
/// filed: form fields, upper-case statuses, its own <c>update_id</c>, and retries after failures.
/// </summary>
public sealed class UpdatePostTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task A_FixMyStreet_comment_lands_once_in_the_timeline_for_staff_review(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync();
        var request = await app.CreateRequestAsync();
        var fields = FixMyStreetComment(key, request.Number, "fms-7001");

        var first = await PostAsync(app, "xml", fields);
        var retry = await PostAsync(app, "xml", fields);
        var json = await PostAsync(app, "json", fields);

        Assert.True(HttpStatusCode.OK == first.Status, first.ToString());
        first.AssertWellFormed("xml");
        Assert.Equal("service_request_updates", first.Xml.Root!.Name.LocalName);
        var updateId = first.Xml.Root.Element("request_update")!.Element("update_id")!.Value;
        Assert.NotEmpty(updateId);
        Assert.Equal(updateId, retry.Xml.Root!.Element("request_update")!.Element("update_id")!.Value);
        json.AssertWellFormed("json");
        Assert.Equal(updateId, json.Json[0].GetProperty("update_id").GetString());

        var entries = await app.WithDbAsync(d => d.RequestEvents().Where(e => e.RequestId == request.Id && e.Kind == RequestEventKind.ClientUpdate).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal(updateId, entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(entry.IsPublic); // staff review it before anything is published
        Assert.Equal("FIXED", entry.Detail);
        Assert.Contains("The hole has been filled, thanks!", entry.Note, StringComparison.Ordinal);
        Assert.Contains("https://fms.example.org/c/99.0.full.jpeg", entry.Note, StringComparison.Ordinal);
        Assert.Contains("Jane Doe", entry.ActorName, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Received, (await app.WithDbAsync(d => d.Requests().SingleAsync(r => r.Id == request.Id))).Status);

        var feed = await app.Open311GetAsync("/servicerequestupdates.json?start_date=2000-01-01T00:00:00Z");
        Assert.DoesNotContain(feed.Json.EnumerateArray(), u => u.GetProperty("update_id").GetString() == updateId);
    }

    [Theory, BothDatabases]
    public async Task Updates_need_a_key_a_known_request_and_the_required_fields(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync();
        var request = await app.CreateRequestAsync();

        var noKey = FixMyStreetComment("", request.Number, "fms-1");
        (await PostAsync(app, "xml", noKey)).AssertErrors("xml", HttpStatusCode.Forbidden);

        var unknown = FixMyStreetComment(key, "ZZZZZZZ", "fms-2");
        (await PostAsync(app, "json", unknown)).AssertErrors("json", HttpStatusCode.NotFound);

        var badStatus = FixMyStreetComment(key, request.Number, "fms-3");
        badStatus["status"] = "MAYBE";
        Assert.Contains(await ErrorsAsync(app, badStatus), e => e.StartsWith("status", StringComparison.Ordinal));

        var noUpdateId = FixMyStreetComment(key, request.Number, "");
        Assert.Contains(await ErrorsAsync(app, noUpdateId), e => e.StartsWith("update_id", StringComparison.Ordinal));

        var badDate = FixMyStreetComment(key, request.Number, "fms-4");
        badDate["updated_datetime"] = "yesterday";
        Assert.Contains(await ErrorsAsync(app, badDate), e => e.StartsWith("updated_datetime", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyList<string>> ErrorsAsync(CiudadApp app, Dictionary<string, string> fields) =>
        (await PostAsync(app, "json", fields)).AssertErrors("json", HttpStatusCode.BadRequest);

    /// <summary>The fields FixMyStreet's <c>_populate_service_request_update_params</c> sends, with extras older versions add.</summary>
    private static Dictionary<string, string> FixMyStreetComment(string key, string number, string updateId) => new()
    {
        ["jurisdiction_id"] = "elpasotexas.gov",
        ["api_key"] = key,
        ["updated_datetime"] = "2026-01-05T08:15:30-07:00",
        ["service_request_id"] = number,
        ["status"] = "FIXED",
        ["description"] = "The hole has been filled, thanks!",
        ["first_name"] = "Jane",
        ["last_name"] = "Doe",
        ["email"] = "jane@example.org",
        ["update_id"] = updateId,
        ["media_url"] = "https://fms.example.org/c/99.0.full.jpeg",
        ["public_anonymity_required"] = "FALSE",
    };

    private static Task<Open311Response> PostAsync(CiudadApp app, string format, Dictionary<string, string> fields) =>
        app.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/open311/v2/servicerequestupdates.{format}") { Content = new FormUrlEncodedContent(fields) });
}
