using System.Net;
using Ciudad.ServiceRequests.Open311;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary><c>POST requests</c>: keys, limits, validation through the shared intake, and what is stored.</summary>
public sealed class RequestPostTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task A_filed_request_answers_its_id_in_both_formats_and_joins_the_services_department_queue_as_an_api_request(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync();
        var email = TestPeople.UniqueEmail("api-reporter");
        var personal = new KeyValuePair<string, string>[] { new("first_name", "Ana"), new("last_name", "Ruiz"), new("email", email), new("phone", "915-555-0142"), new("account_id", "acct-77") };

        var json = await app.Open311PostAsync("json", [.. Open311Kit.PotholeFields(key), .. personal]);
        var xml = await app.Open311PostAsync("xml", Open311Kit.PotholeFields(key));

        Assert.Equal(HttpStatusCode.OK, json.Status);
        json.AssertWellFormed("json");
        var answer = Assert.Single(json.Json.EnumerateArray());
        Assert.Equal(["service_request_id", "service_notice", "account_id"], answer.EnumerateObject().Select(p => p.Name)); // an id, never also a token
        Assert.Equal("acct-77", answer.GetProperty("account_id").GetString());
        var number = answer.GetProperty("service_request_id").GetString()!;

        Assert.Equal(HttpStatusCode.OK, xml.Status);
        xml.AssertWellFormed("xml");
        var request = Assert.Single(xml.Xml.Root!.Elements("request"));
        Assert.Equal("service_requests", xml.Xml.Root.Name.LocalName);
        Assert.NotNull(request.Element("service_request_id"));
        Assert.Null(request.Element("token"));

        var stored = await app.WithDbAsync(d => d.Requests().AsNoTracking().SingleAsync(r => r.Number == number));
        Assert.Equal(RequestChannel.Api, stored.Channel);
        Assert.NotNull(stored.ApiKeyId);
        Assert.Equal("Ana Ruiz", stored.ReporterName);
        Assert.Equal(await app.DepartmentIdAsync("streets-and-maintenance"), stored.DepartmentId);
        var web = await app.CreateRequestAsync();
        Assert.Equal(web.DepartmentId, stored.DepartmentId);

        var readBack = await app.Open311GetAsync($"/requests/{number}.json?extensions=true");
        Open311Schemas.AssertValid("requests.json", readBack.Body);
        Assert.Equal("api", readBack.Json[0].GetProperty("extended_attributes").GetProperty("channel").GetString());
        Assert.Equal("large", readBack.Json[0].GetProperty("attributes")[0].GetProperty("value").GetString());
        foreach (var secret in new[] { email, "Ruiz", "555-0142" })
        {
            Assert.DoesNotContain(secret, readBack.Body, StringComparison.Ordinal);
        }
        var confirmation = await app.Mailbox.WaitForAsync(email);
        Assert.Contains(RequestNumbers.Format(number), confirmation.Subject, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Multi_value_answers_and_an_address_alone_are_accepted_and_empty_parameters_count_as_absent(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync();

        var response = await app.Open311PostAsync("json",
        [
            new("api_key", key), new("service_code", "traffic-signal"), new("jurisdiction_id", ""),
            new("lat", ""), new("long", ""), new("email", ""), new("media_url", ""), new("description", ""),
            new("address_string", "Mesa St & Executive Center Blvd"),
            new("attribute[signal_problem][]", "dark"), new("attribute[signal_problem][]", "pedestrian"),
        ]);

        Assert.True(HttpStatusCode.OK == response.Status, response.ToString());
        var number = response.Json[0].GetProperty("service_request_id").GetString()!;
        var stored = await app.WithDbAsync(d => d.Requests().Include(r => r.Answers).AsNoTracking().SingleAsync(r => r.Number == number));
        Assert.Null(stored.Latitude);
        Assert.Null(stored.ReporterEmail);
        Assert.Equal(["dark", "pedestrian"], stored.Answers.OrderBy(a => a.Value).Select(a => a.Value));
    }

    [Theory, BothDatabases]
    public async Task A_missing_invalid_or_revoked_key_is_403_in_the_requested_format(TestDatabase db)
    {
        var app = await fixture.For(db);
        var revoked = await app.NewApiKeyAsync();
        await app.WithServicesAsync(async sp =>
        {
            var keys = sp.GetRequiredService<ApiKeyService>();
            var key = await keys.VerifyAsync(revoked);
            await keys.RevokeAsync((await keys.FindAsync(key!.Id))!);
        });

        foreach (var format in new[] { "xml", "json" })
        {
            var missing = await app.Open311PostAsync(format, Open311Kit.PotholeFields("").Where(f => f.Key != "api_key"));
            var empty = await app.Open311PostAsync(format, Open311Kit.PotholeFields(""));
            var wrong = await app.Open311PostAsync(format, Open311Kit.PotholeFields("c311_" + new string('a', 32)));
            var old = await app.Open311PostAsync(format, Open311Kit.PotholeFields(revoked));

            Assert.Contains("api_key is required", Assert.Single(missing.AssertErrors(format, HttpStatusCode.Forbidden)), StringComparison.Ordinal);
            empty.AssertErrors(format, HttpStatusCode.Forbidden);
            Assert.Contains("not valid", Assert.Single(wrong.AssertErrors(format, HttpStatusCode.Forbidden)), StringComparison.Ordinal);
            old.AssertErrors(format, HttpStatusCode.Forbidden);
        }
    }

    [Theory, BothDatabases]
    public async Task Bad_submissions_are_400s_that_say_what_is_wrong_and_store_nothing(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync();
        var before = await app.WithDbAsync(d => d.Requests().CountAsync());

        var noService = await app.Open311PostAsync("xml", Open311Kit.PotholeFields(key).Where(f => f.Key != "service_code"));
        var outside = await app.Open311PostAsync("json", [.. Open311Kit.PotholeFields(key).Where(f => f.Key != "long"), new("long", "-106.0")]);
        var notNumber = await app.Open311PostAsync("json", [.. Open311Kit.PotholeFields(key).Where(f => f.Key != "lat"), new("lat", "north")]);
        var noAnswer = await app.Open311PostAsync("xml", Open311Kit.PotholeFields(key).Where(f => f.Key != "attribute[size]"));
        var unknownService = await app.Open311PostAsync("json", [.. Open311Kit.PotholeFields(key).Where(f => f.Key != "service_code"), new("service_code", "unicorns")]);
        var notAForm = await app.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json")
        {
            Content = new StringContent("""{"service_code":"pothole"}""", System.Text.Encoding.UTF8, "application/json"),
        });

        Assert.Contains("service_code is required", Assert.Single(noService.AssertErrors("xml", HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        Assert.Contains("outside the city limits", Assert.Single(outside.AssertErrors("json", HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        Assert.StartsWith("lat must be a decimal number", Assert.Single(notNumber.AssertErrors("json", HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        Assert.Equal("attribute[size]: Answer the question \"size\".", Assert.Single(noAnswer.AssertErrors("xml", HttpStatusCode.BadRequest)));
        Assert.Contains("unicorns", Assert.Single(unknownService.AssertErrors("json", HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        notAForm.AssertErrors("json", HttpStatusCode.BadRequest);
        Assert.Equal(before, await app.WithDbAsync(d => d.Requests().CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_key_over_its_limit_gets_429_with_retry_after_in_the_requested_format(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync(requestsPerMinute: 2);

        var first = await app.Open311PostAsync("json", Open311Kit.PotholeFields(key));
        var second = await app.Open311PostAsync("xml", Open311Kit.PotholeFields(key));
        var thirdXml = await app.Open311PostAsync("xml", Open311Kit.PotholeFields(key));
        var fourthJson = await app.Open311PostAsync("json", Open311Kit.PotholeFields(key));
        var otherKey = await app.Open311PostAsync("json", Open311Kit.PotholeFields(await app.NewApiKeyAsync()));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains("2 per minute", Assert.Single(thirdXml.AssertErrors("xml", (HttpStatusCode)429)), StringComparison.Ordinal);
        fourthJson.AssertErrors("json", (HttpStatusCode)429);
        Assert.InRange(int.Parse(fourthJson.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(HttpStatusCode.OK, otherKey.Status);
    }

    [Theory, BothDatabases]
    public async Task A_token_leads_back_to_the_request_id(TestDatabase db)
    {
        var app = await fixture.For(db);
        var filed = await app.Open311PostAsync("json", Open311Kit.PotholeFields(await app.NewApiKeyAsync()));
        var number = filed.Json[0].GetProperty("service_request_id").GetString()!;
        var token = await app.WithDbAsync(d => d.Requests().Where(r => r.Number == number).Select(r => r.Token).SingleAsync());

        var json = await app.Open311GetAsync($"/tokens/{token}.json");
        var xml = await app.Open311GetAsync($"/tokens/{token}.xml");
        var unknown = await app.Open311GetAsync("/tokens/0123456789abcdef.xml");

        Assert.Equal(number, json.Json[0].GetProperty("service_request_id").GetString());
        Assert.Equal(token, json.Json[0].GetProperty("token").GetString());
        xml.AssertWellFormed("xml");
        Assert.Equal(number, xml.Xml.Root!.Element("request")!.Element("service_request_id")!.Value);
        unknown.AssertErrors("xml", HttpStatusCode.NotFound);
    }
}
