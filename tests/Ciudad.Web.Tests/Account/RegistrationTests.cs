using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Web.Tests.Account;

public sealed class RegistrationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task A_new_resident_registers_confirms_their_email_and_signs_in(TestDatabase db)
    {
        var app = await fixture.For(db);
        using var visitor = app.NewSession();
        var email = TestPeople.UniqueEmail("new");

        var checkEmail = await visitor.RegisterAsync(email, displayName: "Rosa");
        var message = await app.EmailAsync(email, "Confirm your City of El Paso account");
        var confirmed = await visitor.GetAsync(Mailbox.LinkIn(message, "/Account/ConfirmEmail"));
        var signedIn = await visitor.SignInWithAsync(email, AccountJourneys.Password, "/Account/Manage");

        Assert.Equal("/Account/RegisterConfirmation", checkEmail.Url.AbsolutePath);
        Assert.Equal("Check your email", checkEmail.H1);
        Assert.Equal("Check your email | City of El Paso", checkEmail.Title);
        Assert.Equal("Your email address is confirmed", confirmed.H1);
        Assert.NotNull(confirmed.Find("a[href='/Account/Login']"));
        Assert.Equal("/Account/Manage", signedIn.Url.AbsolutePath);
        Assert.True(signedIn.IsSignedIn());
        Assert.Contains(email, signedIn.Text, StringComparison.Ordinal);
        var userId = await app.UserIdAsync(email);
        Assert.Single(await app.AuditAsync("account.registered", userId));
        Assert.Single(await app.AuditAsync("account.email-confirmed", userId));
        Assert.NotEmpty(await app.AuditAsync("account.signed-in", userId));
    }

    [Theory, BothDatabases]
    public async Task Registering_an_address_that_has_an_account_looks_the_same_and_only_the_owner_is_told(TestDatabase db)
    {
        var app = await fixture.For(db);
        var owner = await app.CreateResidentAsync();
        var fresh = TestPeople.UniqueEmail("fresh");

        var forNew = await app.NewSession().RegisterAsync(fresh);
        var forExisting = await app.NewSession().RegisterAsync(owner.Email, "someone else's password");

        Assert.Equal(forNew.StatusCode, forExisting.StatusCode);
        Assert.Equal(forNew.Url.AbsolutePath, forExisting.Url.AbsolutePath);
        Assert.Equal(forNew.Find("main")!.TextContent, forExisting.Find("main")!.TextContent);
        var notice = await app.EmailAsync(owner.Email, "Someone tried to create");
        Assert.Contains("/Account/ForgotPassword", notice.TextBody ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(app.Mailbox.To(owner.Email), m => m.Subject?.StartsWith("Confirm", StringComparison.Ordinal) == true);
        // The account keeps its own password.
        Assert.True((await app.NewSession().SignInWithAsync(owner.Email, owner.Password)).IsSignedIn());
        var normalized = owner.Email.ToUpperInvariant();
        Assert.Equal(1, await app.WithDbAsync(d => d.Users.CountAsync(u => u.NormalizedEmail == normalized)));
    }

    [Fact]
    public async Task An_incomplete_form_is_refused_with_400_and_errors_that_link_to_each_field()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        using var visitor = app.NewSession();
        var form = await visitor.GetAsync("/Account/Register");

        var page = await visitor.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Email"] = "not-an-email",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "different",
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.Contains("Enter an email address in the right format, like name@example.com", page.Errors);
        Assert.Contains("Password must be 12 characters or more", page.Errors);
        Assert.NotNull(page.Find(".ciudad-error-summary a[href='#Input-Email']"));
        Assert.NotNull(page.Find(".ciudad-error-summary a[href='#Input-Password']"));
        Assert.Equal("", page.Find("#Input-Password")!.GetAttribute("value"));
        Assert.Equal("new-password", page.Find("#Input-Password")!.GetAttribute("autocomplete"));
        Assert.Equal("email", page.Find("#Input-Email")!.GetAttribute("autocomplete"));
        Assert.Contains("at least 12 characters", page.Find("#Input-Password-hint")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spanish_speaker_registers_in_spanish_and_gets_spanish_emails()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        using var visitor = app.NewSession("es-MX,es;q=0.9");
        var email = TestPeople.UniqueEmail("es");

        var form = await visitor.GetAsync("/Account/Register");
        var page = await visitor.RegisterAsync(email);
        var message = await app.EmailAsync(email, "Confirme su cuenta");
        await visitor.GetAsync(Mailbox.LinkIn(message, "/Account/ConfirmEmail"));
        await visitor.SignInWithAsync(email, AccountJourneys.Password);
        await visitor.SignOutAsync();
        await visitor.SubmitAsync(await visitor.GetAsync("/Account/ForgotPassword"), new Dictionary<string, string> { ["Input.Email"] = email });
        var reset = await app.EmailAsync(email, "contraseña");

        Assert.Equal("Crear una cuenta", form.H1);
        Assert.NotNull(form.Find("input[name='Input.PreferredCulture'][value='es'][checked]"));
        Assert.Equal("Revise su correo electrónico", page.H1);
        Assert.Contains("Hola", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hola", reset.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_confirmation_link_explains_and_offers_a_new_one_without_revealing_accounts()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        using var visitor = app.NewSession();
        var unconfirmed = await app.CreateResidentAsync(confirmed: false);

        var broken = await visitor.GetAsync("/Account/ConfirmEmail?userId=nobody&code=bogus");
        var resendForm = await visitor.GetAsync("/Account/ResendConfirmation");
        var forUnknown = await visitor.SubmitAsync(resendForm, new Dictionary<string, string> { ["Input.Email"] = TestPeople.UniqueEmail("ghost") });
        var forUnconfirmed = await visitor.SubmitAsync(await visitor.GetAsync("/Account/ResendConfirmation"), new Dictionary<string, string> { ["Input.Email"] = unconfirmed.Email });
        var message = await app.EmailAsync(unconfirmed.Email, "Confirm your");
        var confirmed = await visitor.GetAsync(Mailbox.LinkIn(message, "/Account/ConfirmEmail"));

        Assert.Equal("This link does not work", broken.H1);
        Assert.NotNull(broken.Find("a[href='/Account/ResendConfirmation']"));
        Assert.Equal(forUnknown.Find("main")!.TextContent, forUnconfirmed.Find("main")!.TextContent);
        Assert.Equal("Your email address is confirmed", confirmed.H1);
    }
}
