using System.Net;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Localization;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Web.Tests.Triage;

/// <summary>The staff request page: what staff see, and each action's effect on the request, timeline, emails and audit.</summary>
public sealed class RequestPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Staff_see_everything_including_the_requesters_contact_in_their_own_language(TestDatabase db)
    {
        var app = await fixture.For(db);
        var email = TestPeople.UniqueEmail("rosa");
        var request = await app.CreateRequestAsync(r => r with
        {
            Description = "Deep hole near the bus stop",
            Address = "300 N Campbell St",
            Email = email,
            Name = "Rosa Reporter",
            Phone = "915-555-0100",
            Culture = "es",
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["size"] = ["medium"], ["in_lane"] = ["yes"] },
        });
        var (english, _) = await app.StaffAsync();
        var (spanish, _) = await app.StaffAsync(culture: "es");

        var page = await english.GetAsync($"/Staff/Requests/{RequestNumbers.Format(request.Number)}"); // typed with the dash

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal($"Request {RequestNumbers.Format(request.Number)}", page.H1);
        foreach (var expected in new[] { "Pothole", "Received", "Normal", "Streets and Maintenance", "Unassigned", "Website", "Deep hole near the bus stop",
            "300 N Campbell St", "How big is it?", "About the size of a car tire", "Rosa Reporter", email, "915-555-0100", "Spanish", "Request received" })
        {
            Assert.Contains(expected, page.Text, StringComparison.Ordinal);
        }
        var map = page.Find("#request-map")!;
        Assert.StartsWith("31.75", map.GetAttribute("data-lat"), StringComparison.Ordinal);
        Assert.Contains("{z}", map.GetAttribute("data-tile-url"), StringComparison.Ordinal);

        var spanishPage = await spanish.GetAsync(TriageKit.RequestUrl(request));
        Assert.Equal($"Solicitud {RequestNumbers.Format(request.Number)}", spanishPage.H1);
        Assert.Contains("¿De qué tamaño es?", spanishPage.Text, StringComparison.Ordinal);
        Assert.Contains("Como una llanta de carro", spanishPage.Text, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Another_departments_request_is_not_found_for_reading_or_changing(TestDatabase db)
    {
        var app = await fixture.For(db);
        var graffiti = await app.GraffitiAsync(TriageKit.Marker());
        var (session, _) = await app.StaffAsync();
        var own = await session.GetAsync(TriageKit.RequestUrl(await app.PotholeAsync(TriageKit.Marker())));

        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync(TriageKit.RequestUrl(graffiti))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync("/Staff/Requests/ZZZZZZZ")).StatusCode);
        // The page's own form, aimed at the other request: the antiforgery token is valid, the request is not theirs.
        var form = own.Find(TriageKit.Form("Note"))!;
        form.SetAttribute("action", $"{TriageKit.RequestUrl(graffiti)}?handler=Note");
        var refused = await session.SubmitAsync(own, new Dictionary<string, string> { ["Note.Text"] = "Sneaky" }, TriageKit.Form("Note"));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain(await app.EventsAsync(graffiti), e => e.Kind == RequestEventKind.InternalNote);
    }

    [Theory, BothDatabases]
    public async Task An_internal_note_stays_internal_and_emails_no_one(TestDatabase db)
    {
        var app = await fixture.For(db);
        var email = TestPeople.UniqueEmail("reporter");
        var request = await app.PotholeAsync(TriageKit.Marker(), email);
        var (session, agent) = await app.StaffAsync();
        var page = await session.GetAsync(TriageKit.RequestUrl(request));

        var empty = await session.SubmitAsync(page, new Dictionary<string, string> { ["Note.Text"] = "" }, TriageKit.Form("Note"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["Enter the note"], empty.Errors);

        var noted = await session.SubmitAsync(page, new Dictionary<string, string> { ["Note.Text"] = "Caller says it is near the gas line." }, TriageKit.Form("Note"));

        Assert.Equal("Internal note added.", noted.Confirmation());
        var note = Assert.Single(await app.EventsAsync(request), e => e.Kind == RequestEventKind.InternalNote);
        Assert.False(note.IsPublic);
        Assert.Equal(agent.Id, note.ActorUserId);
        Assert.Contains("Caller says it is near the gas line.", noted.Find(".ciudad-timeline__item--internal")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await app.ReloadAsync(request)).StatusNotes);
        Assert.Equal(1, await app.EmailsQueuedToAsync(email)); // only the confirmation of receipt
        Assert.Single(await app.AuditAsync("servicerequests.internal-note", request.Number));
    }

    [Theory, BothDatabases]
    public async Task A_public_update_emails_the_reporter_in_their_language(TestDatabase db)
    {
        var app = await fixture.For(db);
        var email = TestPeople.UniqueEmail("reportera");
        var request = await app.PotholeAsync(TriageKit.Marker(), email, culture: "es");
        var (session, _) = await app.StaffAsync();
        var page = await session.GetAsync(TriageKit.RequestUrl(request));

        var silent = await session.SubmitAsync(page, new Dictionary<string, string> { ["Update.Status"] = "Received", ["Update.Note"] = "" }, TriageKit.Form("Update"));
        Assert.Equal(HttpStatusCode.BadRequest, silent.StatusCode);
        Assert.Equal(["Enter a note, or choose a different status"], silent.Errors);

        var updated = await session.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Update.Status"] = nameof(RequestStatus.InProgress),
            ["Update.Note"] = "Una cuadrilla va en camino.",
        }, TriageKit.Form("Update"));

        Assert.Equal("Update posted: In progress. Followers will get an email.", updated.Confirmation());
        var mail = await app.Mailbox.WaitForAsync(email, m => (m.Subject ?? "").StartsWith("Novedades", StringComparison.Ordinal));
        Assert.Contains("En proceso", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Una cuadrilla va en camino.", mail.TextBody, StringComparison.Ordinal);
        var change = Assert.Single(await app.EventsAsync(request), e => e.Kind == RequestEventKind.StatusChanged);
        Assert.True(change.IsPublic);
        var audit = Assert.Single(await app.AuditAsync("servicerequests.updated", request.Number));
        Assert.Contains("InProgress", audit.AfterJson, StringComparison.Ordinal);

        var merged = await session.SubmitAsync(updated, new Dictionary<string, string> { ["Update.Status"] = nameof(RequestStatus.Duplicate) }, TriageKit.Form("Update"));
        Assert.Equal(HttpStatusCode.BadRequest, merged.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Assignment_and_priority_go_to_the_internal_timeline_and_the_audit_log(TestDatabase db)
    {
        var app = await fixture.For(db);
        var request = await app.PotholeAsync(TriageKit.Marker());
        var colleague = await app.CreateStaffAsync(StaffRoles.Agent, TriageKit.Streets);
        var outsider = await app.CreateStaffAsync(StaffRoles.Agent, TriageKit.Environment);
        var (session, _) = await app.StaffAsync();
        var page = await session.GetAsync(TriageKit.RequestUrl(request));
        Assert.NotNull(page.Find($"#Assign-UserId option[value='{colleague.Id}']"));
        Assert.Null(page.Find($"#Assign-UserId option[value='{outsider.Id}']"));

        var refused = await session.SubmitAsync(page, new Dictionary<string, string> { ["Assign.UserId"] = outsider.Id }, TriageKit.Form("Assign"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Choose a member of the request's department"], refused.Errors);

        var assigned = await session.SubmitAsync(page, new Dictionary<string, string> { ["Assign.UserId"] = colleague.Id }, TriageKit.Form("Assign"));
        Assert.Equal($"Assigned to {colleague.Email}.", assigned.Confirmation());
        Assert.Contains($"Assigned to {colleague.Email}", assigned.Find(".ciudad-timeline")!.TextContent, StringComparison.Ordinal);
        var prioritized = await session.SubmitAsync(assigned, new Dictionary<string, string> { ["Priority.Value"] = "High" }, TriageKit.Form("Priority"));
        Assert.Equal("Priority set to High.", prioritized.Confirmation());
        var unassigned = await session.SubmitAsync(prioritized, new Dictionary<string, string> { ["Assign.UserId"] = "" }, TriageKit.Form("Assign"));
        Assert.Equal("The request is now unassigned.", unassigned.Confirmation());

        var now = await app.ReloadAsync(request);
        Assert.Null(now.AssignedToUserId);
        Assert.Equal(RequestPriority.High, now.Priority);
        var events = await app.EventsAsync(request);
        Assert.Equal(2, events.Count(e => e.Kind == RequestEventKind.Assigned && !e.IsPublic));
        Assert.Single(events, e => e.Kind == RequestEventKind.PriorityChanged && !e.IsPublic);
        Assert.Equal(2, (await app.AuditAsync("servicerequests.assigned", request.Number)).Count);
        Assert.Single(await app.AuditAsync("servicerequests.priority-set", request.Number));
    }

    [Theory, BothDatabases]
    public async Task Rerouting_hands_the_request_to_another_department_with_the_reason(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = TriageKit.Marker();
        var request = await app.PotholeAsync(marker);
        var (session, agent) = await app.StaffAsync();
        var (environment, _) = await app.StaffAsync(department: TriageKit.Environment);
        await app.WithDbAsync(d => d.Requests().Where(r => r.Id == request.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.AssignedToUserId, agent.Id)));
        var page = await session.GetAsync(TriageKit.RequestUrl(request));
        var target = (await app.DepartmentIdAsync(TriageKit.Environment)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var noReason = await session.SubmitAsync(page, new Dictionary<string, string> { ["Reroute.DepartmentId"] = target, ["Reroute.Reason"] = "" }, TriageKit.Form("Reroute"));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["Enter the reason for rerouting"], noReason.Errors);

        var rerouted = await session.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Reroute.DepartmentId"] = target,
            ["Reroute.Reason"] = "It is illegal dumping, not a pothole.",
        }, TriageKit.Form("Reroute"));

        Assert.Equal("/Staff/Requests", rerouted.Url.AbsolutePath);
        Assert.Equal($"Request {RequestNumbers.Format(request.Number)} was rerouted to Environmental Services.", rerouted.Confirmation());
        Assert.Empty((await session.GetAsync($"/Staff/Requests?Q={marker}")).QueueNumbers());
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync(TriageKit.RequestUrl(request))).StatusCode);
        var now = await app.ReloadAsync(request);
        Assert.Equal(int.Parse(target, System.Globalization.CultureInfo.InvariantCulture), now.DepartmentId);
        Assert.Null(now.AssignedToUserId);

        Assert.Equal([request.Number], (await environment.GetAsync($"/Staff/Requests?Q={marker}")).QueueNumbers());
        var theirs = await environment.GetAsync(TriageKit.RequestUrl(request));
        var timeline = theirs.Find(".ciudad-timeline")!.TextContent;
        Assert.Contains("Rerouted from Streets and Maintenance to Environmental Services", timeline, StringComparison.Ordinal);
        Assert.Contains("It is illegal dumping, not a pothole.", timeline, StringComparison.Ordinal);
        Assert.False(Assert.Single(await app.EventsAsync(request), e => e.Kind == RequestEventKind.Rerouted).IsPublic);
        Assert.Single(await app.AuditAsync("servicerequests.rerouted", request.Number));
    }

    [Theory, BothDatabases]
    public async Task Merging_closes_the_duplicate_and_moves_its_followers_to_the_parent(TestDatabase db)
    {
        var app = await fixture.For(db);
        var parentReporter = TestPeople.UniqueEmail("first");
        var childReporter = TestPeople.UniqueEmail("second");
        var neighbour = TestPeople.UniqueEmail("neighbour");
        var parent = await app.PotholeAsync(TriageKit.Marker(), parentReporter);
        var child = await app.PotholeAsync(TriageKit.Marker(), childReporter);
        // Same person, other case; confirmed on the duplicate only: the merge carries the confirmation over.
        await Track.TrackKit.FollowConfirmedAsync(app, child, neighbour.ToUpperInvariant());
        await app.WithServicesAsync(sp => sp.GetRequiredService<RequestFollowing>().FollowAsync(parent.Number, neighbour, "en", null));
        var (session, _) = await app.StaffAsync();
        var page = await session.GetAsync(TriageKit.RequestUrl(child));

        var itself = await session.SubmitAsync(page, new Dictionary<string, string> { ["Merge.ParentNumber"] = child.Number }, TriageKit.Form("Merge"));
        Assert.Equal(["A request cannot be merged into itself. Enter the number of the other request"], itself.Errors);

        var merged = await session.SubmitAsync(page, new Dictionary<string, string> { ["Merge.ParentNumber"] = RequestNumbers.Format(parent.Number).ToLowerInvariant() }, TriageKit.Form("Merge"));

        Assert.Equal($"Merged into {RequestNumbers.Format(parent.Number)}. Followers were moved.", merged.Confirmation());
        var closed = await app.ReloadAsync(child);
        Assert.Equal(RequestStatus.Duplicate, closed.Status);
        Assert.False(closed.IsOpen);
        Assert.Equal(parent.Id, closed.ParentRequestId);
        Assert.Empty(closed.Followers);
        var kept = await app.ReloadAsync(parent);
        Assert.Equal(3, kept.Followers.Count);
        Assert.Contains(kept.Followers, f => f.Email == childReporter);
        Assert.Single(kept.Followers, f => string.Equals(f.Email, neighbour, StringComparison.OrdinalIgnoreCase));
        var mergedInto = Assert.Single(await app.EventsAsync(child), e => e.Kind == RequestEventKind.MergedInto);
        Assert.True(mergedInto.IsPublic);
        Assert.Contains(RequestNumbers.Format(parent.Number), mergedInto.Note, StringComparison.Ordinal);
        Assert.False(Assert.Single(await app.EventsAsync(parent), e => e.Kind == RequestEventKind.DuplicateMerged).IsPublic);
        var mail = await app.Mailbox.WaitForAsync(childReporter, m => (m.Subject ?? "").StartsWith("Update on request", StringComparison.Ordinal));
        Assert.Contains("Duplicate", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(RequestNumbers.Format(parent.Number), mail.TextBody, StringComparison.Ordinal);
        Assert.Single(await app.AuditAsync("servicerequests.merged", child.Number));
        var parentPage = await session.GetAsync(TriageKit.RequestUrl(parent));
        Assert.Contains($"Duplicate {RequestNumbers.Format(child.Number)} merged into this request", parentPage.Text, StringComparison.Ordinal);

        // The next update on the parent reaches the child's reporter, once.
        await session.SubmitAsync(parentPage, new Dictionary<string, string> { ["Update.Status"] = nameof(RequestStatus.Fixed), ["Update.Note"] = "Filled." }, TriageKit.Form("Update"));
        await app.Mailbox.WaitForAsync(childReporter, m => (m.Subject ?? "").Contains("Fixed", StringComparison.Ordinal));
        Assert.Single(app.Mailbox.To(neighbour), m => (m.Subject ?? "").Contains("Fixed", StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task Merging_refuses_closed_merged_and_other_department_requests(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = TriageKit.Marker();
        var child = await app.PotholeAsync(marker);
        var closed = await app.PotholeAsync(marker);
        var alreadyMerged = await app.PotholeAsync(marker);
        var graffiti = await app.GraffitiAsync(marker);
        await app.WithDbAsync(async d =>
        {
            await d.Requests().Where(r => r.Id == closed.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RequestStatus.Fixed).SetProperty(r => r.IsOpen, false));
            return await d.Requests().Where(r => r.Id == alreadyMerged.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ParentRequestId, closed.Id));
        });
        var (session, _) = await app.StaffAsync();
        var page = await session.GetAsync(TriageKit.RequestUrl(child));
        async Task<IReadOnlyList<string>> Merge(string number) =>
            (await session.SubmitAsync(page, new Dictionary<string, string> { ["Merge.ParentNumber"] = number }, TriageKit.Form("Merge"))).Errors;

        Assert.Equal([$"Request {RequestNumbers.Format(closed.Number)} is closed. Choose an open request"], await Merge(closed.Number));
        Assert.Equal([$"Request {RequestNumbers.Format(alreadyMerged.Number)} was itself merged into another request. Use that one instead"], await Merge(alreadyMerged.Number));
        Assert.Equal([$"There is no request {RequestNumbers.Format(graffiti.Number)} in this department"], await Merge(graffiti.Number));
        Assert.Equal(["Enter a request number, like K7Q-3M9X"], await Merge("not a number"));
        Assert.True((await app.ReloadAsync(child)).IsOpen);
    }

    [Theory, BothDatabases]
    public async Task A_template_fills_in_the_note_in_the_requesters_language(TestDatabase db)
    {
        var app = await fixture.For(db);
        var spanishRequest = await app.PotholeAsync(TriageKit.Marker(), TestPeople.UniqueEmail("es"), culture: "es");
        var englishRequest = await app.PotholeAsync(TriageKit.Marker(), TestPeople.UniqueEmail("en"));
        var (template, otherDepartments) = await app.WithDbAsync(async d =>
        {
            var streets = await d.Departments.SingleAsync(x => x.Slug == TriageKit.Streets);
            var environment = await d.Departments.SingleAsync(x => x.Slug == TriageKit.Environment);
            var pothole = await d.Services().SingleAsync(s => s.Code == "pothole");
            var mine = new Ciudad.ServiceRequests.Triage.ResponseTemplate
            {
                DepartmentId = streets.Id, ServiceId = pothole.Id, SuggestedStatus = RequestStatus.ActionScheduled,
                Title = LocalizedText.Of("Repair scheduled", "Reparación programada"),
                Body = LocalizedText.Of("We have scheduled the repair for this week.", "Programamos la reparación para esta semana."),
            };
            var theirs = new Ciudad.ServiceRequests.Triage.ResponseTemplate
            {
                DepartmentId = environment.Id, Title = LocalizedText.Of("Theirs", "De ellos"), Body = LocalizedText.Of("Not for streets.", "No es para calles."),
            };
            d.ResponseTemplates().AddRange(mine, theirs);
            await d.SaveChangesAsync();
            return (mine, theirs);
        });
        var (session, _) = await app.StaffAsync();

        var page = await session.GetAsync(TriageKit.RequestUrl(spanishRequest));
        var link = page.FindAll("#update ~ ul a").Single(a => a.TextContent == "Repair scheduled").GetAttribute("href")!;
        Assert.DoesNotContain("Theirs", page.Text, StringComparison.Ordinal);
        var prefilled = await session.GetAsync(link);

        Assert.Equal("Programamos la reparación para esta semana.", prefilled.Find("#Update-Note")!.TextContent);
        Assert.Equal(nameof(RequestStatus.ActionScheduled), prefilled.Find("#Update-Status option[selected]")!.GetAttribute("value"));
        Assert.Contains("in Spanish, the requester's language", prefilled.Text, StringComparison.Ordinal);
        var english = await session.GetAsync($"{TriageKit.RequestUrl(englishRequest)}?template={template.Id}");
        Assert.Equal("We have scheduled the repair for this week.", english.Find("#Update-Note")!.TextContent);
        var foreign = await session.GetAsync($"{TriageKit.RequestUrl(englishRequest)}?template={otherDepartments.Id}");
        Assert.Equal("", foreign.Find("#Update-Note")!.TextContent);

        var posted = await session.SubmitAsync(prefilled, formSelector: TriageKit.Form("Update"));
        Assert.Equal("Update posted: Work scheduled. Followers will get an email.", posted.Confirmation());
        Assert.Equal("Programamos la reparación para esta semana.", (await app.ReloadAsync(spanishRequest)).StatusNotes);
    }

    [Theory, BothDatabases]
    public async Task Staff_hide_a_photo_from_the_public_and_show_it_again(TestDatabase db)
    {
        var app = await fixture.For(db);
        var request = await app.PotholeAsync(TriageKit.Marker());
        var photoId = Guid.NewGuid();
        await app.WithDbAsync(d =>
        {
            d.RequestPhotos().Add(new RequestPhoto { Id = photoId, RequestId = request.Id, ContentType = "image/jpeg", Content = [0xFF, 0xD8, 1], Thumbnail = [0xFF, 0xD8, 2], Width = 10, Height = 10, UploadedAt = DateTimeOffset.UtcNow });
            return d.SaveChangesAsync();
        });
        var (session, _) = await app.StaffAsync();
        var (outsider, _) = await app.StaffAsync(department: TriageKit.Environment);
        var page = await session.GetAsync(TriageKit.RequestUrl(request));
        var thumbnail = page.Find(".ciudad-photo img")!.GetAttribute("src")!;

        using (var image = await session.Client.GetAsync(new Uri(thumbnail, UriKind.Relative)))
        {
            Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
            Assert.Equal([0xFF, 0xD8, 2], await image.Content.ReadAsByteArrayAsync());
        }
        using (var refused = await outsider.Client.GetAsync(new Uri(thumbnail, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        var hidden = await session.SubmitAsync(page, formSelector: TriageKit.Form("Photo"));
        Assert.Equal("The photo is now hidden from the public.", hidden.Confirmation());
        Assert.False(await app.WithDbAsync(d => d.RequestPhotos().Where(p => p.Id == photoId).Select(p => p.IsPublic).SingleAsync()));
        Assert.Single(await app.AuditAsync("servicerequests.photo-hidden", request.Number));
        var shown = await session.SubmitAsync(hidden, formSelector: TriageKit.Form("Photo"));
        Assert.Equal("The photo is shown publicly again.", shown.Confirmation());
        Assert.True(await app.WithDbAsync(d => d.RequestPhotos().Where(p => p.Id == photoId).Select(p => p.IsPublic).SingleAsync()));
    }
}
