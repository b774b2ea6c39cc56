using System.Net;
using Ciudad.Forms.Seeding;
using Ciudad.Forms.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Forms.Tests.Filling;

/// <summary>A resident fills in a published demo form over real HTTP, page by page, in either language.</summary>
public sealed class FillingJourneyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task A_resident_fills_a_form_in_Spanish_checks_the_answers_submits_and_gets_a_receipt_with_the_pdf_copy(TestDatabase db)
    {
        var app = await fixture.For(db);
        var form = await app.PublishedAsync("animal-adoption");
        var email = TestPeople.UniqueEmail("adopter");
        var answers = DemoAnswers.For(form.Definition, new Random(7));
        answers.Set("email", email);
        using var session = app.NewSession("es");

        var list = await session.GetAsync("/forms");
        Assert.Contains("Solicitud de adopción de mascotas", list.Text, StringComparison.Ordinal);
        var start = await session.GetAsync("/forms/animal-adoption");
        Assert.Equal("Solicitud de adopción de mascotas", start.H1);

        var page = await session.SubmitAsync(start, buttonText: "Empezar ahora");
        Assert.Equal("Sobre usted", page.H1);
        Assert.Contains("Página 1 de", page.Text, StringComparison.Ordinal);
        while (page.Url.AbsolutePath.Contains("/step/", StringComparison.Ordinal))
        {
            var before = page.Url;
            page = await session.SubmitPageAsync(page, answers);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{before} answered {page}: {string.Join("; ", page.Errors)}");
            Assert.NotEqual(before, page.Url);
        }

        Assert.Equal("Revise sus respuestas", page.H1);
        Assert.Contains(answers["adopter_name.given"], page.Text, StringComparison.Ordinal);
        Assert.Contains(email, page.Text, StringComparison.Ordinal);
        var confirmation = await session.SubmitAsync(page, buttonText: "Enviar");
        Assert.Equal("Formulario enviado", confirmation.H1);
        var reference = confirmation.Find(".ciudad-request-number")!.TextContent.Trim();
        Assert.NotNull(SubmissionReferences.Normalize(reference));

        var stored = await app.WithDbAsync(d => d.Submissions().SingleAsync(s => s.Reference == reference));
        Assert.Equal("es", stored.Culture);
        Assert.Equal(SubmissionStatus.Received, stored.Status);
        Assert.Equal(form.Version.Id, stored.FormVersionId);
        Assert.Equal(email, stored.Email);

        var receipt = await app.Mailbox.WaitForAsync(email);
        Assert.StartsWith("Recibimos su formulario " + reference, receipt.Subject, StringComparison.Ordinal);
        var copy = await session.Client.GetAsync(new Uri(Mailbox.LinkIn(receipt, $"/forms/submissions/{reference}/copy.pdf"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, copy.StatusCode);
        Assert.Equal("application/pdf", copy.Content.Headers.ContentType?.MediaType);
        var pdf = await copy.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var text = string.Concat(document.GetPages().Select(p => p.Text));
            Assert.Contains(reference, text, StringComparison.Ordinal);
            Assert.Contains("Sobre usted", text, StringComparison.Ordinal);
        }

        // The back button after submitting shows the confirmation, never a second submission.
        var again = await session.GetAsync("/forms/animal-adoption/check");
        Assert.Equal("Formulario enviado", again.H1);
        Assert.Equal(1, await app.WithDbAsync(d => d.Submissions().CountAsync(s => s.Email == email)));
    }

    [Theory, BothDatabases]
    public async Task Errors_name_each_question_in_the_persons_language_link_to_its_input_and_keep_what_was_typed(TestDatabase db)
    {
        var app = await fixture.For(db);
        using var session = app.NewSession("en");
        var page = await session.SubmitAsync(await session.GetAsync("/forms/animal-adoption"), buttonText: "Start now");

        var invalid = await session.SubmitPageAsync(page, new FormAnswers(new Dictionary<string, string[]>
        {
            ["adopter_name.given"] = ["Ana"],
            ["date_of_birth.day"] = ["31"],
            ["date_of_birth.month"] = ["2"],
            ["date_of_birth.year"] = ["1990"],
            ["phone"] = ["12"],
        }));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var summary = invalid.FindAll(".ciudad-error-summary a").Select(a => (Text: a.TextContent.Trim(), Href: a.GetAttribute("href"))).ToList();
        Assert.Contains(("Enter the last name for Your name", "#adopter_name-family"), summary);
        Assert.Contains(summary, e => e.Href == "#date_of_birth-day" && e.Text.Contains("real date", StringComparison.Ordinal));
        Assert.Contains(summary, e => e.Href == "#phone");
        Assert.Contains(summary, e => e.Href == "#home_address-line1");
        foreach (var (_, href) in summary)
        {
            var input = invalid.Find(href!);
            Assert.NotNull(input);
            Assert.Contains(href![1..] + "-error", input!.GetAttribute("aria-describedby") ?? "", StringComparison.Ordinal);
        }
        Assert.Equal("Ana", invalid.Find("#adopter_name-given")!.GetAttribute("value"));
        Assert.Equal("12", invalid.Find("#phone")!.GetAttribute("value"));

        // Reloading the page keeps what was typed too: it was saved with the errors.
        var reloaded = await session.GetAsync(invalid.Url.PathAndQuery);
        Assert.Equal("Ana", reloaded.Find("#adopter_name-given")!.GetAttribute("value"));
    }

    [Theory, BothDatabases]
    public async Task Save_and_come_back_emails_a_link_that_opens_the_draft_in_another_browser(TestDatabase db)
    {
        var app = await fixture.For(db);
        var email = TestPeople.UniqueEmail("saver");
        using var first = app.NewSession("es");
        var page = await first.SubmitAsync(await first.GetAsync("/forms/animal-adoption"), buttonText: "Empezar ahora");
        var saved = await first.SubmitPageAsync(page, new FormAnswers(new Dictionary<string, string[]> { ["adopter_name.given"] = ["Lupita"] }), ("save", "true"));
        Assert.Equal("Sus respuestas están guardadas", saved.H1);
        var sent = await first.SubmitAsync(saved, new Dictionary<string, string> { ["Email"] = email });
        Assert.Contains("Enviamos un enlace a " + email, sent.Text, StringComparison.Ordinal);

        var message = await app.Mailbox.WaitForAsync(email);
        Assert.StartsWith("Sus respuestas guardadas", message.Subject, StringComparison.Ordinal);
        using var phone = app.NewSession("es");
        var start = await phone.GetAsync(Mailbox.LinkIn(message, "/forms/resume/"));
        Assert.Equal("/forms/animal-adoption", start.Url.AbsolutePath);
        Assert.Contains("Ya empezó este formulario", start.Text, StringComparison.Ordinal);
        var resumed = await phone.SubmitAsync(start, buttonText: "Continuar donde se quedó");
        Assert.Equal("Sobre usted", resumed.H1);
        Assert.Equal("Lupita", resumed.Find("#adopter_name-given")!.GetAttribute("value"));

        var unknown = await phone.GetAsync("/forms/resume/" + new string('a', 64));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Este enlace ya no es válido", unknown.H1);
    }

    [Theory, BothDatabases]
    public async Task A_signed_in_resident_finds_their_name_and_email_filled_in(TestDatabase db)
    {
        var app = await fixture.For(db);
        var resident = await app.CreateResidentAsync();
        using var session = app.NewSession("en");
        await session.SignInAsync(resident);
        var page = await session.SubmitAsync(await session.GetAsync("/forms/animal-adoption"), buttonText: "Start now");
        Assert.Equal(resident.Email, page.Find("#email")!.GetAttribute("value"));
    }
}
