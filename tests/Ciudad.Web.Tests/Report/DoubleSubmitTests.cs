using System.Net;
using Ciudad.ServiceRequests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Web.Tests.Report;

/// <summary>Sending one report twice at once (a double click, two tabs) files one request.</summary>
public sealed class DoubleSubmitTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Two_simultaneous_submits_of_one_draft_file_one_request(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = "twice" + Guid.NewGuid().ToString("N")[..10];
        using var resident = app.NewSession();
        var location = await resident.GetAsync("/report/location?service=sidewalk");
        var details = await resident.SubmitAsync(location, new Dictionary<string, string> { ["Input.Address"] = "Stanton St y Yandell Dr" });
        var contact = await resident.SubmitMultipartAsync(details, [new("Input.Description", $"Raised sidewalk {marker}")], []);
        var check = await resident.SubmitAsync(contact, new Dictionary<string, string> { ["Input.Email"] = TestPeople.UniqueEmail("twice") });
        var token = check.Find("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            resident.PostRawAsync("/report/check", [new("__RequestVerificationToken", token)])));

        var filed = await app.WithDbAsync(d => d.Requests().CountAsync(r => r.Description.Contains(marker)));
        Assert.Equal(1, filed);
        Assert.All(both, response =>
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/report/confirmation", response.Headers.Location!.OriginalString);
            response.Dispose();
        });
    }
}
