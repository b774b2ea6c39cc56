using System.Net;
using Ciudad.Platform.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Web.Tests.Account;

public sealed class PasswordResetTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<HtmlPage> AskForResetAsync(WebSession session, string email) =>
        await session.SubmitAsync(await session.GetAsync("/Account/ForgotPassword"), new Dictionary<string, string> { ["Input.Email"] = email });

    [Theory, BothDatabases]
    public async Task A_resident_resets_a_forgotten_password_from_the_emailed_link(TestDatabase db)
    {
        var app = await fixture.For(db);
        var resident = await app.CreateResidentAsync();
        using var visitor = app.NewSession();
        const string newPassword = "my brand new passphrase";

        var forKnown = await AskForResetAsync(visitor, resident.Email);
        var forUnknown = await AskForResetAsync(app.NewSession(), TestPeople.UniqueEmail("ghost"));
        var link = Mailbox.LinkIn(await app.EmailAsync(resident.Email, "Reset your"), "/Account/ResetPassword");
        var form = await visitor.GetAsync(link);
        var done = await visitor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Password"] = newPassword, ["Input.ConfirmPassword"] = newPassword });
        var reused = await visitor.SubmitAsync(await visitor.GetAsync(link), new Dictionary<string, string> { ["Input.Password"] = "yet another passphrase", ["Input.ConfirmPassword"] = "yet another passphrase" });

        Assert.Equal(forKnown.Find("main")!.TextContent, forUnknown.Find("main")!.TextContent);
        Assert.Equal("Choose a new password", form.H1);
        Assert.Equal("/Account/Login", done.Url.AbsolutePath);
        Assert.Contains("Your password has been changed", done.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains(reused.Errors, e => e.StartsWith("This link is not valid or has expired", StringComparison.Ordinal));
        await app.EmailAsync(resident.Email, "password was changed");
        Assert.False((await app.NewSession().SignInWithAsync(resident.Email, resident.Password)).IsSignedIn());
        Assert.True((await app.NewSession().SignInWithAsync(resident.Email, newPassword)).IsSignedIn());
        Assert.Single(await app.AuditAsync("account.password-reset", resident.Id));
    }

    [Fact]
    public async Task The_create_admin_link_asks_a_new_administrator_to_choose_their_password()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var email = TestPeople.UniqueEmail("boss");
        var link = await app.WithServicesAsync(sp => sp.GetRequiredService<AdministratorSetup>().CreateAsync(email));
        using var visitor = app.NewSession();

        var form = await visitor.GetAsync(new Uri(link).PathAndQuery);
        var done = await visitor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Password"] = "administrator passphrase", ["Input.ConfirmPassword"] = "administrator passphrase" });
        var signedIn = await visitor.SignInWithAsync(email, "administrator passphrase", "/Account/Manage/TwoFactor");

        Assert.Equal("Choose your password", form.H1);
        Assert.Equal("/Account/Login", done.Url.AbsolutePath);
        Assert.True(signedIn.IsSignedIn());
    }
}
