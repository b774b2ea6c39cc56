using System.Net;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Web.Tests.Triage;

/// <summary>Staff file a report for a phone caller or a walk-in: one page, the same rules as residents, channel and filer recorded.</summary>
public sealed class StaffIntakeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task An_agent_files_a_phone_callers_report_and_the_caller_is_emailed_in_their_language(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (session, agent) = await app.StaffAsync();
        var marker = TriageKit.Marker();
        var caller = TestPeople.UniqueEmail("caller");

        var queue = await session.GetAsync("/Staff/Requests");
        var link = queue.FindAll("main a").First(a => a.TextContent.Trim() == "File a report for a caller").GetAttribute("href")!;
        var page = await session.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("File a report for a caller", page.H1);
        Assert.Equal("Phone", page.Find("input[name='Call.Channel']:checked")!.GetAttribute("value"));

        // Submitting with a service whose questions are not on the page yet shows them, with what is missing.
        var fields = new Dictionary<string, string>
        {
            ["Call.ServiceCode"] = "pothole",
            ["Call.Address"] = $"1200 Texas Ave {marker}",
            ["Input.Description"] = $"Caller says the hole is deep {marker}",
            ["Call.Name"] = "Rosa Caller",
            ["Call.Phone"] = "915-555-0199",
            ["Call.Email"] = caller,
            ["Call.Culture"] = "es",
        };
        var missing = await session.SubmitAsync(page, fields);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("How big is it?", missing.Find(".ciudad-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"1200 Texas Ave {marker}", missing.Find("#Call-Address")!.GetAttribute("value"));

        var filed = await session.SubmitAsync(missing, new Dictionary<string, string> { ["Input.Answers[size]"] = "medium" });

        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var request = await app.WithDbAsync(d => d.Requests().AsNoTracking().Include(r => r.Events).Include(r => r.Answers)
            .SingleAsync(r => r.Description.Contains(marker)));
        var number = RequestNumbers.Format(request.Number);
        Assert.Contains($"Request {number} filed", filed.Find(".usa-alert--success")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("", filed.Find("#Call-Address")!.GetAttribute("value") ?? ""); // ready for the next call
        Assert.Equal(RequestChannel.Phone, request.Channel);
        Assert.Equal(("Rosa Caller", caller, "915-555-0199", "es"), (request.ReporterName, request.ReporterEmail, request.ReporterPhone, request.ReporterCulture));
        Assert.Null(request.ReporterUserId); // the caller's request, not the agent's
        Assert.Equal("medium", Assert.Single(request.Answers).Value);
        var received = Assert.Single(request.Events);
        Assert.Equal((RequestEventKind.Received, agent.Id), (received.Kind, received.ActorUserId));
        var audit = Assert.Single(await app.AuditAsync("servicerequests.filed-for-caller", request.Number));
        Assert.Equal(agent.Id, audit.ActorUserId);
        Assert.Contains("Phone", audit.AfterJson, StringComparison.Ordinal);

        var mail = await app.Mailbox.WaitForAsync(caller);
        Assert.StartsWith($"Recibimos su solicitud {number}", mail.Subject, StringComparison.Ordinal);
        var details = await session.GetAsync(TriageKit.RequestUrl(request));
        Assert.Contains("Phone call", details.Text, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task In_spanish_an_agent_files_an_anonymous_walk_in_report_for_another_department_after_seeing_duplicates(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (session, _) = await app.StaffAsync(culture: "es"); // Streets and Maintenance
        var address = $"500 W Paisano Dr {TriageKit.Marker()}";
        var earlier = await app.CreateRequestAsync(r => r with
        {
            ServiceCode = "graffiti",
            Address = address,
            Latitude = null,
            Longitude = null,
            Description = "Graffiti on the wall",
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["surface"] = ["wall"] }
        });

        var page = await session.GetAsync("/Staff/Requests/New");
        Assert.Equal("Registrar un reporte por teléfono o en persona", page.H1);
        var fields = new Dictionary<string, string>
        {
            ["Call.Channel"] = "WalkIn",
            ["Call.ServiceCode"] = "graffiti",
            ["Call.Address"] = address.ToUpperInvariant(), // typed differently, still the same address
            ["Input.Description"] = "Pintas en la pared",
            ["Input.Answers[surface]"] = "wall",
        };

        var duplicates = await session.SubmitAsync(page, fields);
        Assert.Equal(HttpStatusCode.OK, duplicates.StatusCode);
        Assert.Contains("Solicitudes abiertas que pueden ser el mismo problema", duplicates.Text, StringComparison.Ordinal);
        Assert.Contains(RequestNumbers.Format(earlier.Number), duplicates.Find(".ciudad-intake-duplicates")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(d => d.Requests().CountAsync(r => r.Address == address)));

        var filed = await session.SubmitAsync(duplicates, buttonText: "Registrarlo como solicitud nueva");

        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var typed = address.ToUpperInvariant();
        var request = await app.WithDbAsync(d => d.Requests().AsNoTracking().SingleAsync(r => r.Description == "Pintas en la pared" && r.Address == typed));
        Assert.Contains($"Solicitud {RequestNumbers.Format(request.Number)} registrada", filed.Text, StringComparison.Ordinal);
        Assert.Equal(RequestChannel.WalkIn, request.Channel);
        Assert.Null(request.ReporterEmail);
        Assert.Null(request.ReporterName);
        Assert.Equal(0, await app.WithDbAsync(d => d.RequestFollowers().CountAsync(f => f.RequestId == request.Id)));
    }

    [Theory, BothDatabases]
    public async Task Mistakes_are_refused_next_to_their_field_and_nothing_is_filed(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (session, _) = await app.StaffAsync();
        var marker = TriageKit.Marker();
        var page = await session.GetAsync("/Staff/Requests/New");

        var noService = await session.SubmitAsync(page, new Dictionary<string, string> { ["Input.Description"] = marker });
        Assert.Equal(HttpStatusCode.BadRequest, noService.StatusCode);
        Assert.Contains("Choose the service the report is about.", noService.Find("#Call-ServiceCode-error")!.TextContent, StringComparison.Ordinal);

        var wrong = await session.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Call.Channel"] = "Api", // a resident's own channel, not one staff may record
            ["Call.ServiceCode"] = "pothole",
            ["Input.Answers[size]"] = "medium",
            ["Input.Description"] = marker,
            ["Call.Email"] = "not-an-email",
            ["Call.Latitude"] = "north",
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.NotNull(wrong.Find("#Call-Channel-error"));
        Assert.NotNull(wrong.Find("#Call-Latitude-error"));

        var noPlace = await session.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Call.ServiceCode"] = "pothole",
            ["Input.Answers[size]"] = "medium",
            ["Input.Description"] = marker,
            ["Call.Email"] = "not-an-email",
        });
        Assert.Equal(HttpStatusCode.BadRequest, noPlace.StatusCode);
        Assert.NotNull(noPlace.Find("#Call-Address-error"));
        Assert.NotNull(noPlace.Find("#Call-Email-error"));
        Assert.Equal(0, await app.WithDbAsync(d => d.Requests().CountAsync(r => r.Description == marker)));
    }

    [Fact]
    public async Task A_resident_cannot_open_the_staff_intake()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var resident = await app.CreateResidentAsync();
        var session = app.NewSession();
        await session.SignInAsync(resident);

        var page = await session.GetAsync("/Staff/Requests/New");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }
}
