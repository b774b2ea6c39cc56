using System.Net;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Staff;
using Ciudad.Web.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Web.Tests.Account;

/// <summary>
/// Nothing a visitor can see or time tells which addresses have accounts. Timing is checked by the
/// work done, not by a clock: one password hash on every sign-in path, one queued message on every
/// email path.
/// </summary>
public sealed class AccountEnumerationTests
{
    [Theory, BothDatabases]
    public async Task Every_sign_in_path_hashes_one_password_and_a_locked_account_answers_like_a_wrong_password(TestDatabase db)
    {
        var hasher = new CountingPasswordHasher();
        await using var app = await CiudadApp.StartAsync(db, configureServices: s => s.AddSingleton<IPasswordHasher<CiudadUser>>(hasher));
        var resident = await app.CreateResidentAsync();
        var unconfirmed = await app.CreateResidentAsync(confirmed: false);
        var deactivated = await app.CreateStaffAsync(StaffRoles.Agent);
        await app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CiudadUser>>();
            await sp.GetRequiredService<StaffService>().SetDeactivatedAsync((await users.FindByIdAsync(deactivated.Id))!, deactivated: true);
        });
        var invitedEmail = TestPeople.UniqueEmail("invited");
        await app.WithServicesAsync(async sp =>
        {
            var adminId = await sp.GetRequiredService<UserManager<CiudadUser>>().Users.Select(u => u.Id).FirstAsync();
            await sp.GetRequiredService<StaffService>().InviteAsync(invitedEmail, await app.DepartmentIdAsync("streets-and-maintenance"), StaffRoles.Agent, adminId, "en");
        });

        async Task<(HtmlPage Page, int Hashes)> SignInCountingAsync(string email, string password)
        {
            hasher.Reset();
            var page = await app.NewSession().SignInWithAsync(email, password);
            return (page, hasher.Count);
        }
        var wrongPassword = await SignInCountingAsync(resident.Email, "not the password at all");
        var others = new[]
        {
            await SignInCountingAsync(TestPeople.UniqueEmail("ghost"), "not the password at all"),
            await SignInCountingAsync(unconfirmed.Email, unconfirmed.Password),
            await SignInCountingAsync(unconfirmed.Email, "not the password at all"),
            await SignInCountingAsync(deactivated.Email, "not the password at all"),
            await SignInCountingAsync(invitedEmail, "not the password at all"),
        };
        var rightPassword = await SignInCountingAsync(resident.Email, resident.Password);

        Assert.Equal(1, wrongPassword.Hashes);
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.Page.StatusCode);
        Assert.All(others, attempt =>
        {
            Assert.Equal(1, attempt.Hashes);
            Assert.Equal(HttpStatusCode.BadRequest, attempt.Page.StatusCode);
            Assert.Equal(wrongPassword.Page.Errors, attempt.Page.Errors);
        });
        Assert.Equal(1, rightPassword.Hashes);
        Assert.True(rightPassword.Page.IsSignedIn());
    }

    [Theory, BothDatabases]
    public async Task Forgot_password_resend_confirmation_and_register_do_the_same_work_for_every_address(TestDatabase db)
    {
        var hasher = new CountingPasswordHasher();
        await using var app = await CiudadApp.StartAsync(db, configureServices: s => s.AddSingleton<IPasswordHasher<CiudadUser>>(hasher));
        var resident = await app.CreateResidentAsync();
        var unconfirmed = await app.CreateResidentAsync(confirmed: false);

        // The request's own work: its answer, the account questions it queued, the passwords it hashed.
        // (What the outbox does afterwards, for addresses with accounts, happens after the answer.)
        Task<int> QueuedQuestionsAsync() => app.WithDbAsync(d => d.OutboxMessages.CountAsync(m => m.Type == AccountEmailHandler.MessageType));
        async Task<(string Answer, int Queued, int Hashes)> PostCountingAsync(string path, Func<WebSession, HtmlPage, Task<HtmlPage>> submit)
        {
            using var visitor = app.NewSession();
            var form = await visitor.GetAsync(path);
            var queued = await QueuedQuestionsAsync();
            hasher.Reset();
            var answer = await submit(visitor, form);
            var hashes = hasher.Count;
            return (answer.Find("main")!.TextContent, await QueuedQuestionsAsync() - queued, hashes);
        }
        Task<(string Answer, int Queued, int Hashes)> AskAsync(string path, string email) =>
            PostCountingAsync(path, (visitor, form) => visitor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = email }));

        var resetForKnown = await AskAsync("/Account/ForgotPassword", resident.Email);
        var resetForUnknown = await AskAsync("/Account/ForgotPassword", TestPeople.UniqueEmail("ghost"));
        var confirmForUnconfirmed = await AskAsync("/Account/ResendConfirmation", unconfirmed.Email);
        var confirmForUnknown = await AskAsync("/Account/ResendConfirmation", TestPeople.UniqueEmail("ghost"));
        var registerExisting = await PostCountingAsync("/Account/Register", (v, _) => v.RegisterAsync(resident.Email));
        var registerNew = await PostCountingAsync("/Account/Register", (v, _) => v.RegisterAsync(TestPeople.UniqueEmail("newcomer")));

        Assert.Equal((resetForKnown.Answer, 1, 0), resetForKnown);
        Assert.Equal(resetForKnown, resetForUnknown);
        Assert.Equal((confirmForUnconfirmed.Answer, 1, 0), confirmForUnconfirmed);
        Assert.Equal(confirmForUnconfirmed, confirmForUnknown);
        Assert.Equal(1, registerExisting.Hashes);
        Assert.Equal(1, registerExisting.Queued);
        Assert.Equal((registerExisting.Answer, registerExisting.Queued, registerExisting.Hashes), (registerNew.Answer, registerNew.Queued, registerNew.Hashes));
        // The emails themselves follow, from the outbox, to the addresses that have accounts.
        Assert.Contains("/Account/ResetPassword", (await app.EmailAsync(resident.Email, "Reset your")).TextBody, StringComparison.Ordinal);
        Assert.Contains("/Account/ConfirmEmail", (await app.EmailAsync(unconfirmed.Email, "Confirm your")).TextBody, StringComparison.Ordinal);
        await app.EmailAsync(resident.Email, "Someone tried to create");
    }
}

/// <summary>Counts the password hashes the app computes (verifications and new hashes alike).</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<CiudadUser>
{
    private readonly PasswordHasher<CiudadUser> _inner = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public string HashPassword(CiudadUser user, string password)
    {
        Interlocked.Increment(ref _count);
        return _inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(CiudadUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _count);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
