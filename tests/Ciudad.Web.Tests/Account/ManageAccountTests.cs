using System.Net;
using System.Text.Json;

namespace Ciudad.Web.Tests.Account;

public sealed class ManageAccountTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Changing_email_takes_effect_only_once_the_new_address_confirms_and_the_old_one_is_told(TestDatabase db)
    {
        var app = await fixture.For(db);
        var resident = await app.CreateResidentAsync();
        var newEmail = TestPeople.UniqueEmail("moved");
        using var visitor = app.NewSession();
        await visitor.SignInWithAsync(resident.Email, resident.Password);

        var requested = await visitor.SubmitAsync(await visitor.GetAsync("/Account/Manage/Email"), new Dictionary<string, string>
        {
            ["Input.NewEmail"] = newEmail,
            ["Input.CurrentPassword"] = resident.Password,
        });
        var stillOld = await visitor.GetAsync("/Account/Manage");
        var link = Mailbox.LinkIn(await app.EmailAsync(newEmail, "Confirm your new email address"), "/Account/ConfirmEmailChange");
        var confirmed = await visitor.GetAsync(link);
        var notice = await app.EmailAsync(resident.Email, "was changed");

        Assert.Contains("We have sent a link to your new address", requested.Find("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(resident.Email, stillOld.Text, StringComparison.Ordinal);
        Assert.Equal("Your email address has been changed", confirmed.H1);
        Assert.Contains(newEmail, notice.TextBody, StringComparison.Ordinal);
        Assert.False((await app.NewSession().SignInWithAsync(resident.Email, resident.Password)).IsSignedIn());
        Assert.True((await app.NewSession().SignInWithAsync(newEmail, resident.Password)).IsSignedIn());
        Assert.Single(await app.AuditAsync("account.email-changed", resident.Id));
    }

    [Theory]
    [InlineData("en-US", "The password is not right")]
    [InlineData("es-MX", "La contraseña no es correcta")]
    public async Task Changing_email_needs_the_current_password(string language, string wrongPassword)
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var resident = await app.CreateResidentAsync(culture: language[..2]);
        var newEmail = TestPeople.UniqueEmail("hijacker");
        using var visitor = app.NewSession(language);
        await visitor.SignInWithAsync(resident.Email, resident.Password);
        var form = await visitor.GetAsync("/Account/Manage/Email");

        var withoutPassword = await visitor.SubmitAsync(form, new Dictionary<string, string> { ["Input.NewEmail"] = newEmail });
        var withWrongPassword = await visitor.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.NewEmail"] = newEmail,
            ["Input.CurrentPassword"] = "someone else's guess",
        });

        Assert.Equal(HttpStatusCode.BadRequest, withoutPassword.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withWrongPassword.StatusCode);
        Assert.Contains(wrongPassword, withWrongPassword.Errors);
        Assert.Empty(await app.AuditAsync("account.email-change-requested", resident.Id));
        Assert.Single(await app.AuditAsync("account.email-change-refused", resident.Id));
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_sends_a_notice()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var resident = await app.CreateResidentAsync();
        using var visitor = app.NewSession();
        await visitor.SignInWithAsync(resident.Email, resident.Password);
        var form = await visitor.GetAsync("/Account/Manage/Password");

        var wrong = await visitor.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "this is not it at all", ["Input.NewPassword"] = "another passphrase here", ["Input.ConfirmPassword"] = "another passphrase here",
        });
        var changed = await visitor.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = resident.Password, ["Input.NewPassword"] = "another passphrase here", ["Input.ConfirmPassword"] = "another passphrase here",
        });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("The password is not right", wrong.Errors);
        Assert.Equal("current-password", form.Find("#Input-CurrentPassword")!.GetAttribute("autocomplete"));
        Assert.Contains("Your password has been changed", changed.Find("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.True(changed.IsSignedIn());
        await app.EmailAsync(resident.Email, "password was changed");
    }

    [Fact]
    public async Task Choosing_spanish_in_the_profile_switches_pages_and_emails_to_spanish()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var resident = await app.CreateResidentAsync();
        using var visitor = app.NewSession("en-US");
        await visitor.SignInWithAsync(resident.Email, resident.Password);

        var saved = await visitor.SubmitAsync(await visitor.GetAsync("/Account/Manage"), new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "José", ["Input.PreferredCulture"] = "es",
        });
        await visitor.SubmitAsync(await visitor.GetAsync("/Account/Manage/Password"), new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = resident.Password, ["Input.NewPassword"] = "contraseña muy larga", ["Input.ConfirmPassword"] = "contraseña muy larga",
        });

        Assert.Equal("Su cuenta", saved.H1);
        Assert.Contains("Sus cambios se guardaron", saved.Find("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("José", saved.Find("#Input-DisplayName")!.GetAttribute("value"));
        await app.EmailAsync(resident.Email, "Se cambió su contraseña");
    }

    [Theory, BothDatabases]
    public async Task My_data_download_holds_the_profile_and_activity_but_no_secrets(TestDatabase db)
    {
        var app = await fixture.For(db);
        var resident = await app.CreateResidentAsync();
        using var visitor = app.NewSession();
        await visitor.SignInWithAsync(resident.Email, resident.Password);
        var page = await visitor.GetAsync("/Account/Manage/PersonalData");
        var token = page.Find("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await visitor.PostRawAsync("/Account/Manage/PersonalData", [new("__RequestVerificationToken", token)]);
        var json = await response.Content.ReadAsStringAsync();
        var secrets = await app.WithDbAsync(d => Task.FromResult(d.Users.Where(u => u.Id == resident.Id).Select(u => new { u.PasswordHash, u.SecurityStamp, u.ConcurrencyStamp }).Single()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        using var data = JsonDocument.Parse(json);
        Assert.Equal(resident.Email, data.RootElement.GetProperty("profile").GetProperty("email").GetString());
        Assert.Contains(data.RootElement.GetProperty("activity").EnumerateArray(), a => a.GetProperty("action").GetString() == "account.signed-in");
        Assert.DoesNotContain(secrets.PasswordHash!, json, StringComparison.Ordinal);
        Assert.DoesNotContain(secrets.SecurityStamp!, json, StringComparison.Ordinal);
        Assert.DoesNotContain("passwordHash", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", json, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, BothDatabases]
    public async Task A_resident_deletes_their_account_after_confirming_with_their_password(TestDatabase db)
    {
        var app = await fixture.For(db);
        var resident = await app.CreateResidentAsync();
        using var visitor = app.NewSession();
        await visitor.SignInWithAsync(resident.Email, resident.Password);
        var form = await visitor.GetAsync("/Account/Manage/Delete");

        var unticked = await visitor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Password"] = resident.Password });
        var wrongPassword = await visitor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Password"] = "not my password!!", ["Input.Confirm"] = "true" });
        var deleted = await visitor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Password"] = resident.Password, ["Input.Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
        Assert.Contains("Tick the box to confirm that you want to delete your account", unticked.Errors);
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        Assert.Equal("/", deleted.Url.AbsolutePath);
        Assert.Contains("Your account has been deleted", deleted.Find("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.False(deleted.IsSignedIn());
        await app.EmailAsync(resident.Email, "account was deleted");
        Assert.False((await app.NewSession().SignInWithAsync(resident.Email, resident.Password)).IsSignedIn());
        Assert.Single(await app.AuditAsync("account.deleted", resident.Id));
    }

    [Fact]
    public async Task Staff_cannot_delete_their_own_account()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var agent = await app.CreateStaffAsync(Ciudad.Platform.Identity.StaffRoles.Agent);
        using var visitor = app.NewSession();
        await visitor.SignInAsync(agent);

        var page = await visitor.GetAsync("/Account/Manage/Delete");
        var token = page.Find("main form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await visitor.GetAsync("/Account/Manage/PersonalData")).Find("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var forced = await visitor.PostRawAsync("/Account/Manage/Delete",
            [new("__RequestVerificationToken", token), new("Input.Password", agent.Password), new("Input.Confirm", "true")]);

        Assert.Null(page.Find("main form input[type=password]"));
        Assert.Contains("ask your department manager", page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
        Assert.True((await app.NewSession().SignInAsync(agent)).IsSignedIn());
    }
}
