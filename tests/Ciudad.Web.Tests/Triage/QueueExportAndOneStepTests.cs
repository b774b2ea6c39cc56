using System.Net;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Web.Tests.Triage;

/// <summary>The queue's CSV export of any view, and the request page's one-step status, assignee and public note.</summary>
public sealed class QueueExportAndOneStepTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Any_filtered_view_downloads_as_csv_scoped_to_the_department_with_formulas_defused(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = TriageKit.Marker();
        var plain = await app.PotholeAsync(marker);
        await app.CreateRequestAsync(r => r with { Description = $"=HYPERLINK(\"http://evil.example\",\"x\") {marker}", Address = "@SUM(A1) \"quoted\" street" });
        var closed = await app.PotholeAsync(marker);
        await app.WithDbAsync(d => d.Requests().Where(r => r.Id == closed.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RequestStatus.Fixed).SetProperty(r => r.IsOpen, false)));
        await app.GraffitiAsync(marker); // another department's
        var (session, _) = await app.StaffAsync(culture: "es");

        var queue = await session.GetAsync($"/Staff/Requests?Q={marker}");
        var link = queue.Find("a[href*='handler=Csv']")!.GetAttribute("href")!;
        Assert.Contains($"Q={marker}", link, StringComparison.Ordinal);
        using var response = await session.Client.GetAsync(new Uri(link, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"number\",\"service\",\"department\",\"status\"", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length); // header, then the two open requests of this department (oldest first)
        Assert.StartsWith($"\"{RequestNumbers.Format(plain.Number)}\",\"Bache\",\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"Recibida\"", lines[1], StringComparison.Ordinal); // the reader's language
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\") " + marker + "\"", lines[2], StringComparison.Ordinal);
        Assert.Contains("\"'@SUM(A1) \"\"quoted\"\" street\"", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("Graffiti", StringComparison.Ordinal));

        using var closedOnly = await session.Client.GetAsync(new Uri($"/Staff/Requests?Q={marker}&Status=closed&handler=Csv", UriKind.Relative));
        var closedLines = (await closedOnly.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, closedLines.Length);
        Assert.StartsWith($"\"{RequestNumbers.Format(closed.Number)}\"", closedLines[1], StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_map_view_lists_the_filtered_located_requests_of_the_department_as_a_table_too(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = TriageKit.Marker();
        var located = await app.PotholeAsync(marker);
        var addressOnly = await app.CreateRequestAsync(r => r with { Description = $"Pothole {marker}", Latitude = null, Longitude = null, Address = "1 Civic Center Plaza" });
        await app.GraffitiAsync(marker); // another department's
        var (session, _) = await app.StaffAsync();

        var list = await session.GetAsync($"/Staff/Requests?Q={marker}");
        var mapLink = list.FindAll("main nav a").First(a => a.TextContent.Trim() == "Map").GetAttribute("href")!;
        Assert.Contains($"Q={marker}", mapLink, StringComparison.Ordinal);
        var map = await session.GetAsync(mapLink);

        Assert.Equal(HttpStatusCode.OK, map.StatusCode);
        Assert.NotNull(map.Find("#queue-map[data-tile-url]"));
        var rows = map.FindAll("table.ciudad-queue-points tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains(RequestNumbers.Format(located.Number), row.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("31.75", row.GetAttribute("data-lat"), StringComparison.Ordinal);
        Assert.DoesNotContain(RequestNumbers.Format(addressOnly.Number), map.Find("table.ciudad-queue-points")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, map.QueueNumbers().Count); // the list stays under the map
    }

    [Theory, BothDatabases]
    public async Task Status_assignee_and_a_public_note_change_in_one_step_each_with_its_audit_entry(TestDatabase db)
    {
        var app = await fixture.For(db);
        var follower = TestPeople.UniqueEmail("vecino");
        var request = await app.PotholeAsync(TriageKit.Marker(), email: follower);
        var (session, agent) = await app.StaffAsync();
        var page = await session.GetAsync(TriageKit.RequestUrl(request));

        var done = await session.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Update.Status"] = nameof(RequestStatus.InProgress),
            ["Update.Assignee"] = agent.Id,
            ["Update.Note"] = "A crew is on the way.",
        }, TriageKit.Form("Update"));

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.NotNull(done.Confirmation());
        var saved = await app.ReloadAsync(request);
        Assert.Equal((RequestStatus.InProgress, agent.Id), (saved.Status, saved.AssignedToUserId));
        var events = await app.EventsAsync(request);
        Assert.Single(events, e => e.Kind == RequestEventKind.Assigned && !e.IsPublic);
        Assert.Single(events, e => e.Kind == RequestEventKind.StatusChanged && e.IsPublic && e.Note == "A crew is on the way.");
        Assert.Single(await app.AuditAsync("servicerequests.assigned", request.Number));
        Assert.Single(await app.AuditAsync("servicerequests.updated", request.Number));
        await app.Mailbox.WaitForAsync(follower, m => (m.TextBody ?? "").Contains("A crew is on the way.", StringComparison.Ordinal));

        // Only the assignee changed: no public update, nobody emailed about it.
        var again = await session.GetAsync(TriageKit.RequestUrl(request));
        Assert.Equal(agent.Id, again.Find("#Update-Assignee option[selected]")!.GetAttribute("value"));
        var unassigned = await session.SubmitAsync(again, new Dictionary<string, string> { ["Update.Assignee"] = "" }, TriageKit.Form("Update"));
        Assert.Equal(HttpStatusCode.OK, unassigned.StatusCode);
        Assert.Null((await app.ReloadAsync(request)).AssignedToUserId);
        Assert.Single(await app.EventsAsync(request), e => e.Kind == RequestEventKind.StatusChanged);
        Assert.Equal(2, (await app.AuditAsync("servicerequests.assigned", request.Number)).Count);

        // Nothing changed at all is still refused, as before.
        var nothing = await session.SubmitAsync(unassigned, formSelector: TriageKit.Form("Update"));
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
    }
}
