using System.Net;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Web.Tests.Account;

public sealed class TwoFactorTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task A_resident_enrols_an_authenticator_app_and_then_signs_in_with_its_code(TestDatabase db)
    {
        var app = await fixture.For(db);
        var resident = await app.CreateResidentAsync();
        using var visitor = app.NewSession();
        await visitor.SignInWithAsync(resident.Email, resident.Password);

        var setup = await visitor.GetAsync("/Account/Manage/TwoFactor");
        var key = setup.Find(".ciudad-shared-key")!.TextContent;
        var wrong = await visitor.SubmitAsync(setup, new Dictionary<string, string> { ["Input.Code"] = "000000" });
        var codesPage = await visitor.SubmitAsync(setup, new Dictionary<string, string> { ["Input.Code"] = Totp.NextCode(key) });
        var codes = codesPage.FindAll(".ciudad-recovery-codes code").Select(c => c.TextContent).ToList();
        var codesAgain = await visitor.GetAsync("/Account/Manage/RecoveryCodes");
        await visitor.SignOutAsync();

        using var later = app.NewSession();
        var challenge = await later.SignInWithAsync(resident.Email, resident.Password, "/Account/Manage");
        var badCode = await later.SubmitAsync(challenge, new Dictionary<string, string> { ["Input.Code"] = "123456" });
        var signedIn = await later.SubmitAsync(challenge, new Dictionary<string, string> { ["Input.Code"] = Totp.NextCode(key) });

        Assert.StartsWith("data:image/svg+xml;base64,", setup.Find(".ciudad-qr img")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        Assert.Equal("one-time-code", setup.Find("#Input-Code")!.GetAttribute("autocomplete"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(10, codes.Count);
        Assert.Equal("/Account/Manage/TwoFactor", codesAgain.Url.AbsolutePath);
        Assert.Equal("/Account/LoginWith2fa", challenge.Url.AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Equal("/Account/Manage", signedIn.Url.AbsolutePath);
        Assert.True(signedIn.IsSignedIn());
        Assert.Single(await app.AuditAsync("account.mfa-enabled", resident.Id));
        Assert.NotEmpty(await app.AuditAsync("account.mfa-failed", resident.Id));

        using var withoutPhone = app.NewSession();
        await withoutPhone.SignInWithAsync(resident.Email, resident.Password);
        var recovery = await withoutPhone.GetAsync("/Account/LoginWithRecoveryCode");
        var recovered = await withoutPhone.SubmitAsync(recovery, new Dictionary<string, string> { ["Input.Code"] = codes[0] });
        using var replay = app.NewSession();
        await replay.SignInWithAsync(resident.Email, resident.Password);
        var replayed = await replay.SubmitAsync(await replay.GetAsync("/Account/LoginWithRecoveryCode"), new Dictionary<string, string> { ["Input.Code"] = codes[0] });

        Assert.True(recovered.IsSignedIn());
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
    }

    [Fact]
    public async Task Staff_sent_to_enrol_are_told_why_go_back_where_they_were_going_and_cannot_turn_it_off()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var agent = await app.CreateStaffAsync(StaffRoles.Agent, enrolMfa: false);
        using var visitor = app.NewSession();
        // Staff enrol from a browser that opened a link from their mailbox; a reset link is one.
        await visitor.SubmitAsync(await visitor.GetAsync("/Account/ForgotPassword"), new Dictionary<string, string> { ["Input.Email"] = agent.Email });
        var reset = await visitor.GetAsync(Mailbox.LinkIn(await app.EmailAsync(agent.Email, "Reset your"), "/Account/ResetPassword"));
        await visitor.SubmitAsync(reset, new Dictionary<string, string> { ["Input.Password"] = agent.Password, ["Input.ConfirmPassword"] = agent.Password });
        await visitor.SignInAsync(agent);

        var setup = await visitor.GetAsync("/Account/Manage/TwoFactor?required=1&returnUrl=%2FStaff%2FQueue");
        var key = setup.Find(".ciudad-shared-key")!.TextContent;
        var codes = await visitor.SubmitAsync(setup, new Dictionary<string, string> { ["Input.Code"] = Totp.NextCode(key) });
        var manage = await visitor.GetAsync("/Account/Manage/TwoFactor");

        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Empty(setup.Errors);
        Assert.Contains("City staff must use two-step verification", setup.Text, StringComparison.Ordinal);
        Assert.Equal("/Staff/Queue", codes.Find("main a.usa-button")!.GetAttribute("href"));
        Assert.Null(manage.Find("form[action*='handler=Disable']"));
        Assert.Contains("City staff must keep two-step verification on", manage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_up_the_app_does_not_sign_the_person_out_when_the_security_stamp_is_checked()
    {
        // Every request re-checks the stamp here; showing a new key changes it.
        await using var app = await CiudadApp.StartAsync(TestDatabase.Sqlite,
            configureServices: s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        var resident = await app.CreateResidentAsync();
        using var visitor = app.NewSession();
        await visitor.SignInWithAsync(resident.Email, resident.Password);

        var setup = await visitor.GetAsync("/Account/Manage/TwoFactor");
        var codes = await visitor.SubmitAsync(setup, new Dictionary<string, string> { ["Input.Code"] = Totp.NextCode(setup.Find(".ciudad-shared-key")!.TextContent) });

        Assert.Equal("/Account/Manage/RecoveryCodes", codes.Url.AbsolutePath);
        Assert.True(codes.IsSignedIn());
    }

    [Theory, BothDatabases]
    public async Task An_authenticator_code_signs_in_once_and_not_in_a_second_session(TestDatabase db)
    {
        var app = await fixture.For(db);
        var agent = await app.CreateStaffAsync(StaffRoles.Agent);
        using var first = app.NewSession();
        using var second = app.NewSession();
        var firstChallenge = await first.SignInWithAsync(agent.Email, agent.Password, "/Staff");
        var secondChallenge = await second.SignInWithAsync(agent.Email, agent.Password, "/Staff");
        var code = agent.NextCode();

        var firstIn = await first.SubmitAsync(firstChallenge, new Dictionary<string, string> { ["Input.Code"] = code });
        var replayed = await second.SubmitAsync(secondChallenge, new Dictionary<string, string> { ["Input.Code"] = code });
        var staffPage = await second.GetAsync("/Staff");

        Assert.Equal("/Staff", firstIn.Url.AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.False(replayed.IsSignedIn());
        Assert.StartsWith("That code is not right", Assert.Single(replayed.Errors), StringComparison.Ordinal);
        Assert.Equal("/Account/Login", staffPage.Url.AbsolutePath);
    }

    [Fact]
    public async Task The_code_that_enrolled_the_app_cannot_sign_in_again()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        var resident = await app.CreateResidentAsync();
        using var visitor = app.NewSession();
        await visitor.SignInWithAsync(resident.Email, resident.Password);
        var setup = await visitor.GetAsync("/Account/Manage/TwoFactor");
        var code = Totp.NextCode(setup.Find(".ciudad-shared-key")!.TextContent);
        var enrolled = await visitor.SubmitAsync(setup, new Dictionary<string, string> { ["Input.Code"] = code });

        using var replay = app.NewSession();
        var challenge = await replay.SignInWithAsync(resident.Email, resident.Password, "/Account/Manage");
        var replayed = await replay.SubmitAsync(challenge, new Dictionary<string, string> { ["Input.Code"] = code });

        Assert.Equal("/Account/Manage/RecoveryCodes", enrolled.Url.AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.False(replayed.IsSignedIn());
    }
}
