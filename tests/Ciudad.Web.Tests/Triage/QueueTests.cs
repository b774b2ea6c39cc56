using System.Net;
using Ciudad.Platform.Identity;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Web.Tests.Triage;

/// <summary>The department queue: scoping, filters, sorting, search, pages, bulk actions and saved views.</summary>
public sealed class QueueTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task The_queue_lists_only_the_departments_requests_one_page_at_a_time(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = TriageKit.Marker();
        var potholes = new List<ServiceRequest>();
        for (var i = 0; i < 27; i++)
        {
            potholes.Add(await app.PotholeAsync(marker));
        }
        var graffiti = await app.GraffitiAsync(marker); // Environmental Services: not this agent's
        var (session, _) = await app.StaffAsync();

        var first = await session.GetAsync($"/Staff/Requests?Q={marker}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Request queue", first.H1);
        Assert.Contains("27 in total", first.Find("table.ciudad-queue caption")!.TextContent, StringComparison.Ordinal);
        // Oldest first by default, 25 to a page.
        Assert.Equal(potholes.Take(25).Select(p => p.Number), first.QueueNumbers());
        Assert.DoesNotContain(graffiti.Number, first.QueueNumbers());
        Assert.Equal("descending", first.Find("th[aria-sort]")!.GetAttribute("aria-sort"));
        var next = first.Find("nav.usa-pagination a.usa-pagination__next-page")!.GetAttribute("href")!;
        Assert.Contains($"Q={marker}", next, StringComparison.Ordinal);

        var second = await session.GetAsync(next);
        Assert.Equal(potholes.Skip(25).Select(p => p.Number), second.QueueNumbers());

        var newestFirst = await session.GetAsync($"/Staff/Requests?Q={marker}&Sort=age&Dir=asc");
        Assert.Equal(potholes[^1].Number, newestFirst.QueueNumbers()[0]);
        Assert.Equal("ascending", newestFirst.Find("th[aria-sort]")!.GetAttribute("aria-sort"));

        var byNumber = await session.GetAsync($"/Staff/Requests?Q={RequestNumbers.Format(potholes[3].Number).ToLowerInvariant()}");
        Assert.Equal([potholes[3].Number], byNumber.QueueNumbers());
        var otherDepartment = await session.GetAsync($"/Staff/Requests?Q={graffiti.Number}");
        Assert.Empty(otherDepartment.QueueNumbers());
    }

    [Theory, BothDatabases]
    public async Task Filters_narrow_the_queue_by_status_assignee_priority_age_target_and_area(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = TriageKit.Marker();
        var (session, agent) = await app.StaffAsync();
        var plain = await app.PotholeAsync(marker);
        var closed = await app.PotholeAsync(marker);
        var mine = await app.PotholeAsync(marker);
        var urgent = await app.PotholeAsync(marker);
        var old = await app.PotholeAsync(marker);
        var dueSoon = await app.PotholeAsync(marker);
        var street = TriageKit.Marker();
        var byAddress = await app.CreateRequestAsync(r => r with { Description = "No marker here", Address = $"1200 Texas Ave {street}" });
        var now = DateTimeOffset.UtcNow;
        await app.WithDbAsync(async d =>
        {
            var requests = d.Requests();
            await requests.Where(r => r.Id == closed.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RequestStatus.Fixed).SetProperty(r => r.IsOpen, false).SetProperty(r => r.ClosedAt, now));
            await requests.Where(r => r.Id == mine.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.AssignedToUserId, agent.Id));
            await requests.Where(r => r.Id == urgent.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Priority, RequestPriority.Urgent));
            await requests.Where(r => r.Id == old.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.RequestedAt, now.AddDays(-10)).SetProperty(r => r.ExpectedAt, now.AddDays(-5)));
            await requests.Where(r => r.Id == dueSoon.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpectedAt, now.AddHours(3)));
            return 0;
        });
        async Task<List<string>> Numbers(string query) => (await session.GetAsync($"/Staff/Requests?Q={marker}&{query}")).QueueNumbers();

        Assert.Equal([closed.Number], await Numbers("Status=closed"));
        Assert.Equal([closed.Number], await Numbers("Status=Fixed"));
        Assert.Empty(await Numbers("Status=InProgress"));
        Assert.Equal(6, (await Numbers("Status=all")).Count);
        Assert.Equal([mine.Number], await Numbers("Assignee=me"));
        Assert.Equal([mine.Number], await Numbers($"Assignee={agent.Id}"));
        Assert.DoesNotContain(mine.Number, await Numbers("Assignee=unassigned"));
        Assert.Equal(urgent.Number, (await Numbers("Sort=priority&Dir=desc"))[0]);
        Assert.Equal([old.Number], await Numbers("Age=gt7"));
        Assert.DoesNotContain(old.Number, await Numbers("Age=lt1"));
        Assert.Equal([old.Number], await Numbers("Sla=overdue"));
        Assert.Equal([dueSoon.Number], await Numbers("Sla=duesoon"));
        Assert.DoesNotContain(old.Number, await Numbers("Sla=ontime"));
        Assert.Equal(old.Number, (await Numbers("Sort=due&Dir=asc"))[0]);
        var area = plain.AreaCode ?? throw new InvalidOperationException("City hall should fall in a named area.");
        Assert.Contains(plain.Number, await Numbers($"Area={area}"));
        Assert.Empty(await Numbers($"Area={(area == "westside" ? "far-east" : "westside")}"));
        Assert.Equal([byAddress.Number], (await session.GetAsync($"/Staff/Requests?Q=texas+ave+{street}")).QueueNumbers());

        var overdueRow = (await session.GetAsync($"/Staff/Requests?Q={marker}&Sla=overdue")).Find("table.ciudad-queue tbody tr")!;
        Assert.Contains("Overdue", overdueRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("10 days", overdueRow.TextContent, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Bulk_assign_and_bulk_status_change_each_request_audit_and_email_followers(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = TriageKit.Marker();
        var english = TestPeople.UniqueEmail("reporter");
        var spanish = TestPeople.UniqueEmail("reportera");
        var a = await app.PotholeAsync(marker, english);
        var b = await app.PotholeAsync(marker, spanish, culture: "es");
        var c = await app.PotholeAsync(marker);
        var (session, agent) = await app.StaffAsync();

        var queue = await session.GetAsync($"/Staff/Requests?Q={marker}");
        var nothing = await session.SubmitAsync(queue, new Dictionary<string, string> { ["BulkAssignee"] = "me" }, "form.ciudad-bulk-form", "Assign selected");
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Equal(["Select at least one request"], nothing.Errors);

        queue.Tick(a.Number);
        queue.Tick(b.Number);
        var assigned = await session.SubmitAsync(queue, new Dictionary<string, string> { ["BulkAssignee"] = "me" }, "form.ciudad-bulk-form", "Assign selected");

        Assert.Equal("Assignment changed on 2 requests.", assigned.Confirmation());
        Assert.Contains($"Q={marker}", assigned.Url.Query, StringComparison.Ordinal);
        Assert.Equal(agent.Id, (await app.ReloadAsync(a)).AssignedToUserId);
        Assert.Equal(agent.Id, (await app.ReloadAsync(b)).AssignedToUserId);
        Assert.Null((await app.ReloadAsync(c)).AssignedToUserId);
        Assert.Single(await app.AuditAsync("servicerequests.assigned", a.Number));
        Assert.Contains(await app.EventsAsync(a), e => e.Kind == RequestEventKind.Assigned && !e.IsPublic);

        // "Select all on this page" works without JavaScript: the page's numbers travel with the form.
        var statusChanged = await session.SubmitAsync(assigned, new Dictionary<string, string>
        {
            ["SelectAllOnPage"] = "true",
            ["BulkStatus"] = nameof(RequestStatus.InProgress),
            ["BulkNote"] = "Crews are on the way.",
        }, "form.ciudad-bulk-form", "Change status of selected");

        Assert.Equal("Status changed on 3 requests. Their followers will get an email.", statusChanged.Confirmation());
        foreach (var request in new[] { a, b, c })
        {
            var now = await app.ReloadAsync(request);
            Assert.Equal(RequestStatus.InProgress, now.Status);
            Assert.Equal("Crews are on the way.", now.StatusNotes);
            Assert.Single(await app.AuditAsync("servicerequests.updated", request.Number));
        }
        var englishMail = await app.Mailbox.WaitForAsync(english, m => (m.Subject ?? "").StartsWith("Update on request", StringComparison.Ordinal));
        Assert.Contains("In progress", englishMail.Subject, StringComparison.Ordinal);
        Assert.Contains("Crews are on the way.", englishMail.TextBody, StringComparison.Ordinal);
        var spanishMail = await app.Mailbox.WaitForAsync(spanish, m => (m.Subject ?? "").StartsWith("Novedades", StringComparison.Ordinal));
        Assert.Contains("En proceso", spanishMail.Subject, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Saved_views_keep_filters_under_a_name_for_their_owner_only(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = TriageKit.Marker();
        var (session, _) = await app.StaffAsync();
        var (colleague, _) = await app.StaffAsync();
        var queue = await session.GetAsync($"/Staff/Requests?Status=closed&Q={marker}&Sort=due&Dir=asc");

        var unnamed = await session.SubmitAsync(queue, new Dictionary<string, string> { ["ViewName"] = " " }, "form.ciudad-save-view");
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Equal(["Enter a name for the view"], unnamed.Errors);

        var saved = await session.SubmitAsync(queue, new Dictionary<string, string> { ["ViewName"] = "Closed, by due date" }, "form.ciudad-save-view");
        Assert.Equal("View \"Closed, by due date\" saved.", saved.Confirmation());
        var link = saved.FindAll(".ciudad-saved-views a").Single(a => a.TextContent == "Closed, by due date").GetAttribute("href")!;
        Assert.Contains("Status=closed", link, StringComparison.Ordinal);
        Assert.Contains($"Q={marker}", link, StringComparison.Ordinal);
        Assert.Contains("Sort=due", link, StringComparison.Ordinal);
        var opened = await session.GetAsync(link);
        Assert.Equal("closed", opened.Find("#Status option[selected]")?.GetAttribute("value"));
        Assert.Equal(marker, opened.Find("#Q")?.GetAttribute("value"));
        Assert.DoesNotContain("Closed, by due date", (await colleague.GetAsync("/Staff/Requests")).Text, StringComparison.Ordinal);

        var deleted = await session.SubmitAsync(opened, formSelector: ".ciudad-saved-views form");
        Assert.Equal("View \"Closed, by due date\" deleted.", deleted.Confirmation());
        Assert.Empty(deleted.FindAll(".ciudad-saved-views a"));
    }

    [Theory, BothDatabases]
    public async Task An_administrator_sees_every_department_and_can_pick_one(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = TriageKit.Marker();
        var pothole = await app.PotholeAsync(marker);
        var graffiti = await app.GraffitiAsync(marker);
        var (session, _) = await app.StaffAsync(StaffRoles.Administrator);

        Assert.Equal([pothole.Number, graffiti.Number], (await session.GetAsync($"/Staff/Requests?Q={marker}")).QueueNumbers());
        var environment = await app.DepartmentIdAsync(TriageKit.Environment);
        Assert.Equal([graffiti.Number], (await session.GetAsync($"/Staff/Requests?Q={marker}&Dept={environment}")).QueueNumbers());
    }
}
