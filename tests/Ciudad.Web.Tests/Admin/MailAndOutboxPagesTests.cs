using System.Net;
using Ciudad.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Web.Tests.Admin;

public sealed class MailAndOutboxPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Sent_mail_lists_a_delivered_message_and_shows_it_with_only_our_links_clickable(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();
        var email = TestPeople.UniqueEmail("mailcheck");
        var invite = await admin.GetAsync("/Admin/Staff/Invite");
        await admin.SubmitAsync(invite, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = "Administrator", ["Input.Language"] = "en" });
        var delivered = await app.Mailbox.WaitForAsync(email);

        var list = await admin.GetAsync("/Admin/Mail");
        var row = list.FindAll("table tbody tr").First(r => r.TextContent.Contains(email, StringComparison.Ordinal));
        Assert.Contains(delivered.Subject!, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("English", row.TextContent, StringComparison.Ordinal);

        var message = await admin.GetAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        Assert.Equal(delivered.Subject, message.H1);
        var link = Assert.Single(message.FindAll(".ciudad-pre a"));
        Assert.StartsWith("http://localhost:5080/Staff/Invitation?token=", link.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..%2F..%2Fappsettings.json")]
    [InlineData("..%5Cciudad-test.db")]
    [InlineData("ciudad-test.db")]
    [InlineData(".hidden.eml")]
    [InlineData("nothing-here.eml")]
    public async Task A_message_name_that_is_not_a_plain_file_in_the_mail_folder_is_not_found(string name)
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var (admin, _) = await app.SignedInAdministratorAsync();

        using var response = await admin.Client.GetAsync(new Uri("/Admin/Mail/" + name, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task With_smtp_delivery_the_sent_mail_page_says_mail_goes_to_the_server()
    {
        await using var app = await CiudadApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?>
        {
            ["Ciudad:Email:Delivery"] = "Smtp",
            ["Ciudad:Email:SmtpHost"] = "smtp.city.example",
            ["Ciudad:Outbox:DispatcherEnabled"] = "false",
        });
        var (admin, _) = await app.SignedInAdministratorAsync();

        var page = await admin.GetAsync("/Admin/Mail");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Email goes to the mail server", page.Find(".usa-alert--info h2")!.TextContent);
        Assert.Contains("smtp.city.example", page.Text, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("table"));
    }

    [Theory, BothDatabases]
    public async Task Outbox_shows_counts_and_retries_a_dead_message_with_an_audit_entry(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();
        // A message type nobody handles: it stays dead even after the dispatcher picks the retry up.
        var (first, second) = await app.WithDbAsync(async d =>
        {
            OutboxMessage Dead() => new() { Type = "test.unhandled", Payload = "{}", Status = OutboxStatus.Dead, Attempts = 8, LastError = "Mailbox unavailable (550)", CreatedAt = DateTimeOffset.UtcNow, AvailableAt = DateTimeOffset.UtcNow };
            var a = Dead();
            var b = Dead();
            d.OutboxMessages.AddRange(a, b);
            await d.SaveChangesAsync();
            return (a.Id, b.Id);
        });

        var page = await admin.GetAsync("/Admin/Outbox");
        Assert.Contains(page.FindAll("table tbody tr"), r => r.TextContent.Contains("Mailbox unavailable (550)", StringComparison.Ordinal));
        var noneSelected = await admin.SubmitAsync(page, formSelector: "form[action*='handler=Retry']");
        Assert.Equal(HttpStatusCode.BadRequest, noneSelected.StatusCode);
        Assert.Equal(["Select at least one message to retry"], noneSelected.Errors);

        var retried = await admin.SubmitAsync(page, new Dictionary<string, string> { ["retry"] = first.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "form[action*='handler=Retry']");
        Assert.Equal("Messages sent back for delivery: 1.", retried.Confirmation());
        var audit = Assert.Single(await app.AuditAsync("outbox.retried", first.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("\"status\":\"Dead\"", audit.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Pending\"", audit.AfterJson, StringComparison.Ordinal);
        Assert.Empty(await app.AuditAsync("outbox.retried", second.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(OutboxStatus.Pending, await app.WithDbAsync(d => d.OutboxMessages.Where(m => m.Id == first).Select(m => m.Status).SingleAsync()));

        var selected = await admin.SubmitAsync(retried, new Dictionary<string, string> { ["Selected"] = second.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "form[action*='handler=Retry']");
        Assert.Equal("Messages sent back for delivery: 1.", selected.Confirmation());
        Assert.Single(await app.AuditAsync("outbox.retried", second.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
