using System.Net;
using Ciudad.Forms.Submissions;
using Ciudad.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Forms.Tests.Filling;

/// <summary>The department inbox: staff ask for information, the submitter answers online, staff decide; all audited, all in the submitter's language.</summary>
public sealed class ReviewTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Staff_ask_for_information_the_submitter_answers_online_and_staff_approve(TestDatabase db)
    {
        var app = await fixture.For(db);
        var email = TestPeople.UniqueEmail("applicant");
        var submitted = await app.SubmitDemoAsync("animal-adoption", email, culture: "es");
        var reference = submitted.Submission.Reference;
        var agent = await app.CreateStaffAsync(StaffRoles.Agent, "animal-services");
        using var staff = app.NewSession("en");
        await staff.SignInAsync(agent);

        var inbox = await staff.GetAsync("/Staff/Forms?q=" + reference);
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        Assert.Equal("1 submission", inbox.Find("[role=status]")!.TextContent.Trim());
        var detail = await staff.GetAsync($"/Staff/Forms/Submissions/{reference}");
        Assert.Equal(reference, detail.H1);
        Assert.Contains("Animal Adoption Application", detail.Text, StringComparison.Ordinal);

        var asked = await staff.SubmitAsync(detail, new Dictionary<string, string>
        {
            ["NewStatus"] = nameof(SubmissionStatus.NeedsInformation),
            ["Note"] = "¿Tiene otras mascotas vacunadas?",
        }, formSelector: "form[action*=Status]");
        Assert.Contains("Status saved.", asked.Text, StringComparison.Ordinal);
        var question = await app.Mailbox.WaitForAsync(email, m => m.Subject!.StartsWith("Necesitamos más información", StringComparison.Ordinal));
        Assert.Contains("¿Tiene otras mascotas vacunadas?", question.TextBody, StringComparison.Ordinal);

        using var applicant = app.NewSession("es");
        var own = await applicant.GetAsync(Mailbox.LinkIn(question, $"/forms/submissions/{reference}"));
        Assert.Equal($"Envío {reference}", own.H1);
        Assert.Contains("Falta información", own.Text, StringComparison.Ordinal);
        var empty = await applicant.SubmitAsync(own, new Dictionary<string, string> { ["Reply"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Escriba su respuesta", empty.Errors);
        var replied = await applicant.SubmitAsync(own, new Dictionary<string, string> { ["Reply"] = "Sí, un gato vacunado." });
        Assert.Contains("Respuesta enviada", replied.Text, StringComparison.Ordinal);
        Assert.Contains("En revisión", replied.Text, StringComparison.Ordinal);

        var back = await staff.GetAsync($"/Staff/Forms/Submissions/{reference}");
        Assert.Contains("Sí, un gato vacunado.", back.Text, StringComparison.Ordinal);
        await staff.SubmitAsync(back, new Dictionary<string, string> { ["NewStatus"] = nameof(SubmissionStatus.Approved), ["Note"] = "Puede recoger a su mascota el lunes." },
            formSelector: "form[action*=Status]");
        var approval = await app.Mailbox.WaitForAsync(email, m => m.Subject!.StartsWith("Aprobado", StringComparison.Ordinal));
        Assert.Contains("Puede recoger a su mascota el lunes.", approval.TextBody, StringComparison.Ordinal);

        var stored = await app.WithDbAsync(d => d.Submissions().Include(s => s.Events).SingleAsync(s => s.Reference == reference));
        Assert.Equal(SubmissionStatus.Approved, stored.Status);
        Assert.NotNull(stored.DecidedAt);
        Assert.Equal(
            [SubmissionEventKind.Submitted, SubmissionEventKind.InformationRequested, SubmissionEventKind.InformationProvided, SubmissionEventKind.StatusChanged],
            stored.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        var audited = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.EntityId == reference).Select(a => a.Action).ToListAsync());
        Assert.Equal(2, audited.Count(a => a == "forms.submission-status-changed"));
        Assert.Contains("forms.submission-information-provided", audited);
        Assert.Contains("forms.submitted", audited);
    }

    [Theory, BothDatabases]
    public async Task Staff_of_another_department_get_not_found_and_decisions_cannot_skip_the_rules(TestDatabase db)
    {
        var app = await fixture.For(db);
        var submitted = await app.SubmitDemoAsync("animal-adoption", TestPeople.UniqueEmail("applicant"), seed: 2);
        var reference = submitted.Submission.Reference;
        var outsider = await app.CreateStaffAsync(StaffRoles.Agent, "streets-and-maintenance");
        using var session = app.NewSession("en");
        await session.SignInAsync(outsider);

        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/Staff/Forms/Submissions/{reference}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync(new Uri($"/Staff/Forms/Submissions/{reference}/copy.pdf", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(reference, (await session.GetAsync("/Staff/Forms?status=all")).Text, StringComparison.Ordinal);

        var agent = await app.CreateStaffAsync(StaffRoles.Agent, "animal-services");
        using var reviewer = app.NewSession("en");
        await reviewer.SignInAsync(agent);
        var detail = await reviewer.GetAsync($"/Staff/Forms/Submissions/{reference}");
        var noQuestion = await reviewer.SubmitAsync(detail, new Dictionary<string, string> { ["NewStatus"] = nameof(SubmissionStatus.NeedsInformation) },
            formSelector: "form[action*=Status]");
        Assert.Equal(HttpStatusCode.BadRequest, noQuestion.StatusCode);
        Assert.Contains(noQuestion.Errors, e => e.StartsWith("Write the question", StringComparison.Ordinal));
        Assert.Equal(SubmissionStatus.Received, await app.WithDbAsync(d => d.Submissions().Where(s => s.Reference == reference).Select(s => s.Status).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task The_submitters_pages_open_only_with_the_key_of_their_own_submission(TestDatabase db)
    {
        var app = await fixture.For(db);
        var mine = await app.SubmitDemoAsync("animal-adoption", TestPeople.UniqueEmail("one"), seed: 3);
        var theirs = await app.SubmitDemoAsync("animal-adoption", TestPeople.UniqueEmail("two"), seed: 4);
        using var session = app.NewSession("en");

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/forms/submissions/{mine.Submission.Reference}?key={Uri.EscapeDataString(mine.AccessKey)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/forms/submissions/{theirs.Submission.Reference}?key={Uri.EscapeDataString(mine.AccessKey)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/forms/submissions/{mine.Submission.Reference}")).StatusCode);
        var copy = await session.Client.GetAsync(new Uri($"/forms/submissions/{theirs.Submission.Reference}/copy.pdf?key={Uri.EscapeDataString(mine.AccessKey)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, copy.StatusCode);
    }
}
