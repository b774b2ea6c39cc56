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
        var codesPage = await visitor.SubmitAsync(setup, new Dictionary<string, string> { ["Input.Code"] = Totp.CurrentCode(key) });
        var codes = codesPage.FindAll(".ciudad-recovery-codes code").Select(c => c.TextContent).ToList();
        var codesAgain = await visitor.GetAsync("/Account/Manage/RecoveryCodes");
        await visitor.SignOutAsync();

        using var later = app.NewSession();
        var challenge = await later.SignInWithAsync(resident.Email, resident.Password, "/Account/Manage");
        var badCode = await later.SubmitAsync(challenge, new Dictionary<string, string> { ["Input.Code"] = "123456" });
        var signedIn = await later.SubmitAsync(challenge, new Dictionary<string, string> { ["Input.Code"] = Totp.CurrentCode(key) });

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
        await visitor.SignInAsync(agent);

        var setup = await visitor.GetAsync("/Account/Manage/TwoFactor?required=1&returnUrl=%2FStaff%2FQueue");
        var key = setup.Find(".ciudad-shared-key")!.TextContent;
        var codes = await visitor.SubmitAsync(setup, new Dictionary<string, string> { ["Input.Code"] = Totp.CurrentCode(key) });
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
        var codes = await visitor.SubmitAsync(setup, new Dictionary<string, string> { ["Input.Code"] = Totp.CurrentCode(setup.Find(".ciudad-shared-key")!.TextContent) });

        Assert.Equal("/Account/Manage/RecoveryCodes", codes.Url.AbsolutePath);
        Assert.True(codes.IsSignedIn());
    }
}
