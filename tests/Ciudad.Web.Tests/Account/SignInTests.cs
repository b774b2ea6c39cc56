using System.Net;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Web.Tests.Account;

public sealed class SignInTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Wrong_password_unknown_address_and_unconfirmed_account_get_the_same_answer(TestDatabase db)
    {
        var app = await fixture.For(db);
        var resident = await app.CreateResidentAsync();
        var unconfirmed = await app.CreateResidentAsync(confirmed: false);
        var unknown = TestPeople.UniqueEmail("ghost");

        var wrongPassword = await app.NewSession().SignInWithAsync(resident.Email, "not the password at all");
        var unknownAddress = await app.NewSession().SignInWithAsync(unknown, "not the password at all");
        var notConfirmed = await app.NewSession().SignInWithAsync(unconfirmed.Email, unconfirmed.Password);

        foreach (var page in new[] { wrongPassword, unknownAddress, notConfirmed })
        {
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
            Assert.False(page.IsSignedIn());
            Assert.Equal(wrongPassword.Errors, page.Errors);
            Assert.NotNull(page.Find("a[href='/Account/ResendConfirmation']"));
        }
        Assert.StartsWith("The email address or password is not right", Assert.Single(wrongPassword.Errors), StringComparison.Ordinal);
        var failures = await app.AuditAsync("account.sign-in-failed");
        Assert.Contains(failures, f => f.AfterJson!.Contains(unknown, StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.AfterJson!.Contains("not the password", StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one(TestDatabase db)
    {
        var app = await fixture.For(db);
        var resident = await app.CreateResidentAsync(culture: "es");
        using var attacker = app.NewSession();

        for (var i = 0; i < 5; i++)
        {
            await attacker.SignInWithAsync(resident.Email, $"guess number {i} is wrong");
        }
        var withRightPassword = await app.NewSession("es").SignInWithAsync(resident.Email, resident.Password);

        Assert.Equal(HttpStatusCode.BadRequest, withRightPassword.StatusCode);
        Assert.False(withRightPassword.IsSignedIn());
        Assert.Contains(withRightPassword.Errors, e => e.StartsWith("Su cuenta está bloqueada durante 15 minutos", StringComparison.Ordinal));
        Assert.NotEmpty(await app.AuditAsync("account.locked-out", resident.Id));
    }

    [Fact]
    public async Task Signing_in_applies_the_accounts_language_and_refuses_off_site_return_addresses()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var resident = await app.CreateResidentAsync(culture: "es");
        using var visitor = app.NewSession("en-US");

        var landed = await visitor.SignInWithAsync(resident.Email, resident.Password, "https://evil.example/steal");
        var later = await visitor.GetAsync("/Account/Manage");

        Assert.Equal(app.BaseAddress.Host, landed.Url.Host);
        Assert.Equal("/", landed.Url.AbsolutePath);
        Assert.Equal("es", later.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Su cuenta", later.H1);
    }

    [Fact]
    public async Task Signing_out_is_a_post_that_ends_the_session_and_says_so()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var resident = await app.CreateResidentAsync();
        using var visitor = app.NewSession();
        await visitor.SignInWithAsync(resident.Email, resident.Password);

        var getLogout = await visitor.GetAsync("/Account/Logout");
        var stillIn = await visitor.GetAsync("/Account/Manage");
        var home = await visitor.SubmitAsync(getLogout);
        var manage = await visitor.GetAsync("/Account/Manage");

        Assert.Equal("/Account/Manage", stillIn.Url.AbsolutePath);
        Assert.Equal("/", home.Url.AbsolutePath);
        Assert.Contains("You have signed out", home.Find("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.False(home.IsSignedIn());
        Assert.Equal("/Account/Login", manage.Url.AbsolutePath);
        Assert.Single(await app.AuditAsync("account.signed-out", resident.Id));
    }

    [Fact]
    public async Task Deactivated_staff_cannot_sign_in()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var agent = await app.CreateStaffAsync(StaffRoles.Agent);
        await app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CiudadUser>>();
            await sp.GetRequiredService<StaffService>().SetDeactivatedAsync((await users.FindByIdAsync(agent.Id))!, deactivated: true);
        });

        var page = await app.NewSession().SignInWithAsync(agent.Email, agent.Password);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.False(page.IsSignedIn());
        Assert.Contains(page.Errors, e => e.Contains("locked", StringComparison.Ordinal));
    }
}
