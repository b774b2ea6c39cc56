using System.Net;
using System.Text.Json;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Ciudad.Web.Tests.Track;
using Ciudad.Web.Tests.Triage;

namespace Ciudad.Web.Tests.Account;

/// <summary>
/// The account page's promises hold for what modules keep: the download holds the person's 311
/// requests and follows, deletion takes their name off the requests staff see, and "My requests"
/// finds reports made before signing up with the same (confirmed) address.
/// </summary>
public sealed class PersonalDataAcrossModulesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Deleting_the_account_takes_the_persons_name_and_address_off_their_requests(TestDatabase db)
    {
        var app = await fixture.For(db);
        var resident = await app.CreateResidentAsync();
        var marker = TriageKit.Marker();
        var signedIn = await app.CreateRequestAsync(r => r with
        {
            Description = $"Pothole {marker}",
            ReporterUserId = resident.Id,
            Name = "Rosa Quintana",
            Email = resident.Email,
            Phone = "915-555-0199",
        });
        var beforeSignUp = await app.CreateRequestAsync(r => r with { Description = $"Pothole {marker} earlier", Name = "Rosa Quintana", Email = resident.Email.ToUpperInvariant() });
        var (staff, _) = await app.StaffAsync();
        Assert.Contains("Rosa Quintana", (await staff.GetAsync(TriageKit.RequestUrl(signedIn))).Text, StringComparison.Ordinal);
        using var visitor = app.NewSession();
        await visitor.SignInWithAsync(resident.Email, resident.Password);
        var form = await visitor.GetAsync("/Account/Manage/Delete");

        var deleted = await visitor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Password"] = resident.Password, ["Input.Confirm"] = "true" });

        Assert.False(deleted.IsSignedIn());
        foreach (var request in new[] { signedIn, beforeSignUp })
        {
            var page = await staff.GetAsync(TriageKit.RequestUrl(request));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(marker, page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Rosa Quintana", page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(resident.Email, page.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("915-555-0199", page.Text, StringComparison.Ordinal);
        }
        // Both reports made the reporter a follower; nobody is left to email.
        var follows = await app.WithDbAsync(d => Task.FromResult(d.RequestFollowers().Count(f => f.RequestId == signedIn.Id || f.RequestId == beforeSignUp.Id)));
        Assert.Equal(0, follows);
    }

    [Theory, BothDatabases]
    public async Task My_data_download_holds_my_requests_and_follows(TestDatabase db)
    {
        var app = await fixture.For(db);
        var resident = await app.CreateResidentAsync();
        var marker = TriageKit.Marker();
        var mine = await app.CreateRequestAsync(r => r with { Description = $"Pothole {marker}", ReporterUserId = resident.Id, Name = "Rosa Quintana", Email = resident.Email });
        var neighbours = await app.CreateRequestAsync();
        using var visitor = app.NewSession();
        await visitor.SignInWithAsync(resident.Email, resident.Password);
        await visitor.SubmitAsync(await visitor.GetAsync(RequestLinks.Track(neighbours.Number)), buttonText: "Follow this request");
        var page = await visitor.GetAsync("/Account/Manage/PersonalData");
        var token = page.Find("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await visitor.PostRawAsync("/Account/Manage/PersonalData", [new("__RequestVerificationToken", token)]);
        using var data = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var requests = data.RootElement.GetProperty("modules").GetProperty("serviceRequests");
        var reported = Assert.Single(requests.GetProperty("reported").EnumerateArray());
        Assert.Equal(mine.Number, reported.GetProperty("number").GetString());
        Assert.Equal($"Pothole {marker}", reported.GetProperty("description").GetString());
        Assert.Equal("Rosa Quintana", reported.GetProperty("name").GetString());
        Assert.Contains(requests.GetProperty("follows").EnumerateArray(), f => f.GetProperty("number").GetString() == neighbours.Number);
    }

    [Theory, BothDatabases]
    public async Task My_requests_include_reports_made_earlier_with_my_confirmed_address(TestDatabase db)
    {
        var app = await fixture.For(db);
        var email = TestPeople.UniqueEmail("rosa");
        var earlier = await app.CreateRequestAsync(r => r with { Email = email });
        var confirmed = await app.CreateResidentAsync(email);
        var someoneElses = await app.CreateRequestAsync(r => r with { Email = TestPeople.UniqueEmail("other") });

        using var session = app.NewSession();
        await session.SignInAsync(confirmed);
        var page = await session.GetAsync("/requests/mine");

        var row = Assert.Single(page.FindAll("main table tbody tr")).TextContent;
        Assert.Contains(earlier.Display(), row, StringComparison.Ordinal);
        Assert.Contains("You reported it", row, StringComparison.Ordinal);
        Assert.DoesNotContain(someoneElses.Display(), page.Html, StringComparison.Ordinal);
    }
}
