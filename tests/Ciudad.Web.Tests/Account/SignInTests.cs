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
    public async Task Wrong_passwords_from_one_address_stop_that_address_not_the_owner(TestDatabase db)
    {
        var app = await fixture.For(db);
        var resident = await app.CreateResidentAsync(culture: "es");
        var ghost = TestPeople.UniqueEmail("ghost");
        using var attacker = app.NewSession(fromAddress: "127.0.0.66");

        for (var i = 0; i < SignInThrottle.FailuresPerAddress; i++)
        {
            await attacker.SignInWithAsync(resident.Email, $"guess number {i} is wrong");
            await attacker.SignInWithAsync(ghost, $"guess number {i} is wrong");
        }
        var attackerWithRightPassword = await attacker.SignInWithAsync(resident.Email, resident.Password);
        var attackerOnNobody = await attacker.SignInWithAsync(ghost, resident.Password);
        var owner = await app.NewSession("es").SignInWithAsync(resident.Email, resident.Password);

        Assert.False(attackerWithRightPassword.IsSignedIn());
        Assert.StartsWith("There have been too many attempts", Assert.Single(attackerWithRightPassword.Errors), StringComparison.Ordinal);
        Assert.Equal(attackerWithRightPassword.Errors, attackerOnNobody.Errors);
        Assert.True(owner.IsSignedIn());
        Assert.Empty(await app.AuditAsync("account.locked-out", resident.Id));
    }

    [Fact]
    public async Task Guessing_from_many_addresses_slows_the_account_and_emails_the_owner_a_way_in()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var resident = await app.CreateResidentAsync();
        var addresses = SignInThrottle.FailuresBeforeSlowing / SignInThrottle.FailuresPerAddress;
        for (var a = 1; a <= addresses; a++)
        {
            using var guesser = app.NewSession(fromAddress: $"127.0.1.{a}");
            for (var i = 0; i < SignInThrottle.FailuresPerAddress; i++)
            {
                await guesser.SignInWithAsync(resident.Email, $"guess {a}.{i}");
            }
        }

        // Slowed: one password a minute for the account, whoever asks, so more addresses bring no more guesses.
        var oneGuess = await app.NewSession(fromAddress: "127.0.2.1").SignInWithAsync(resident.Email, "one more guess");
        var nextGuess = await app.NewSession(fromAddress: "127.0.2.2").SignInWithAsync(resident.Email, resident.Password);
        var warning = await app.EmailAsync(resident.Email, "Someone is trying to sign in");
        using var owner = app.NewSession(fromAddress: "127.0.2.3");
        var form = await owner.GetAsync(Mailbox.LinkIn(warning, "/Account/ResetPassword"));
        const string newPassword = "a brand new passphrase 7";
        await owner.SubmitAsync(form, new Dictionary<string, string> { ["Input.Password"] = newPassword, ["Input.ConfirmPassword"] = newPassword });
        var ownerIn = await owner.SignInWithAsync(resident.Email, newPassword);

        Assert.Single(oneGuess.Errors, e => e.StartsWith("The email address or password is not right", StringComparison.Ordinal));
        Assert.False(nextGuess.IsSignedIn());
        Assert.StartsWith("There have been too many attempts", Assert.Single(nextGuess.Errors), StringComparison.Ordinal);
        Assert.True(ownerIn.IsSignedIn());
        Assert.Single(await app.AuditAsync("account.sign-in-slowed", resident.Id));
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
