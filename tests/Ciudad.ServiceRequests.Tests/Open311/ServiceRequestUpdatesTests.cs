using System.Globalization;
using System.Net;
using Ciudad.ServiceRequests.Requests;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>mySociety's <c>servicerequestupdates</c>: public timeline entries in a window, detailed statuses.</summary>
public sealed class ServiceRequestUpdatesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Public_updates_in_the_window_come_with_their_detailed_status_in_both_formats(TestDatabase db)
    {
        var app = await fixture.For(db);
        var start = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(-2).ToString("O", CultureInfo.InvariantCulture));
        var request = await app.CreateRequestAsync();
        await app.PublishAsync(request, RequestStatus.ActionScheduled, "Crew scheduled for Tuesday");
        var hidden = await app.CreateRequestAsync(r => r with
        {
            ServiceCode = "animal-bite",
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["bitten_at"] = ["2026-01-05T08:00:00-07:00"], ["animal_description"] = ["Brown dog"] },
        });

        var json = await app.Open311GetAsync($"/servicerequestupdates.json?start_date={start}");
        var xml = await app.Open311GetAsync($"/servicerequestupdates.xml?start_date={start}&end_date=");

        json.AssertWellFormed("json");
        var updates = json.Json.EnumerateArray().Where(u => u.GetProperty("service_request_id").GetString() == request.Number).ToList();
        Assert.Equal(["open", "action_scheduled"], updates.Select(u => u.GetProperty("status").GetString()));
        Assert.Equal("Crew scheduled for Tuesday", updates[1].GetProperty("description").GetString());
        Assert.Equal(["update_id", "service_request_id", "status", "updated_datetime", "description", "media_url"], updates[0].EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain(hidden.Number, json.Body, StringComparison.Ordinal);

        xml.AssertWellFormed("xml");
        Assert.Equal("service_request_updates", xml.Xml.Root!.Name.LocalName);
        Assert.Contains(xml.Xml.Root.Elements("request_update"), u => u.Element("service_request_id")!.Value == request.Number && u.Element("status")!.Value == "action_scheduled");
    }

    [Theory, BothDatabases]
    public async Task A_window_in_the_future_is_empty_and_bad_dates_are_400s(TestDatabase db)
    {
        var app = await fixture.For(db);
        await app.CreateRequestAsync();

        var future = await app.Open311GetAsync("/servicerequestupdates.json?start_date=2999-01-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.OK, future.Status);
        Assert.Equal(0, future.Json.GetArrayLength());
        (await app.Open311GetAsync("/servicerequestupdates.xml?start_date=soon")).AssertErrors("xml", HttpStatusCode.BadRequest);
        (await app.Open311GetAsync("/servicerequestupdates.json?start_date=2026-02-01&end_date=2026-01-01")).AssertErrors("json", HttpStatusCode.BadRequest);
    }
}
