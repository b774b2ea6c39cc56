using System.Net;
using Ciudad.Forms.Seeding;
using Ciudad.Platform.Identity;

namespace Ciudad.Forms.Tests.Filling;

/// <summary>A file question takes only what it names, checked by content, and staff download exactly what was sent.</summary>
public sealed class FileUploadTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task A_renamed_program_and_a_wrong_type_are_refused_by_name_and_a_real_pdf_reaches_the_reviewer(TestDatabase db)
    {
        var app = await fixture.For(db);
        var form = await app.PublishedAsync("special-event-parks");
        var answers = DemoAnswers.For(form.Definition, new Random(5));
        answers.Set("email", TestPeople.UniqueEmail("organizer"));
        using var session = app.NewSession("en");
        var page = await session.SubmitAsync(await session.GetAsync("/forms/special-event-parks"), buttonText: "Start now");
        while (page.Find("input[type=file]") is null)
        {
            page = await session.SubmitPageAsync(page, answers);
            Assert.True(page.StatusCode == HttpStatusCode.OK, string.Join("; ", page.Errors));
        }

        var program = await session.SubmitPageWithFileAsync(page, answers, "insurance", "policy.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
        Assert.Equal(HttpStatusCode.BadRequest, program.StatusCode);
        Assert.Contains(program.Errors, e => e.Contains("could not be read as the type its name says", StringComparison.Ordinal));
        var wrongType = await session.SubmitPageWithFileAsync(program, answers, "insurance", "policy.docm", "%PDF-1.4"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains(wrongType.Errors, e => e.Contains("pdf, jpg, png", StringComparison.Ordinal));

        var pdf = "%PDF-1.4\n% a certificate of insurance\n%%EOF\n"u8.ToArray();
        var check = await session.SubmitPageWithFileAsync(wrongType, answers, "insurance", "certificate.pdf", pdf);
        Assert.Equal("Check your answers", check.H1);
        Assert.Contains("certificate.pdf", check.Text, StringComparison.Ordinal);
        var done = await session.SubmitAsync(check, buttonText: "Submit");
        var reference = done.Find(".ciudad-request-number")!.TextContent.Trim();

        var agent = await app.CreateStaffAsync(StaffRoles.Agent, "parks-and-recreation");
        using var staff = app.NewSession("en");
        await staff.SignInAsync(agent);
        var download = await staff.Client.GetAsync(new Uri($"/Staff/Forms/Submissions/{reference}/files/insurance", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("certificate.pdf", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }
}
