using System.Net;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Staff;
using Ciudad.Web.Tests.Account;

namespace Ciudad.Web.Tests.Instances;

/// <summary>
/// A city runs several instances behind a load balancer; a visitor's requests land on any of them.
/// What they notice must not depend on which: the session, the limits, the sign-in counters.
/// </summary>
public sealed class TwoInstancesTests(InstancesFixture fixture) : IClassFixture<InstancesFixture>
{
    private CiudadInstances Instances => fixture.Instances;

    [Fact]
    public async Task A_sign_in_on_one_instance_is_valid_on_the_other()
    {
        var resident = await Instances.A.CreateResidentAsync();
        var manager = await Instances.A.CreateStaffAsync(StaffRoles.DepartmentManager);
        using var residentOnA = Instances.A.NewSession();
        using var managerOnA = Instances.A.NewSession();
        Assert.True((await residentOnA.SignInAsync(resident)).IsSignedIn());
        await managerOnA.SignInAsync(manager, "/Staff");

        // The load balancer sends the next requests, with the same cookies, to B.
        using var residentOnB = SameBrowserOn(Instances.B, residentOnA);
        using var managerOnB = SameBrowserOn(Instances.B, managerOnA);
        var account = await residentOnB.GetAsync("/Account/Manage");
        var staffHome = await managerOnB.GetAsync("/Staff");
        // And back to A with a form B rendered: B's antiforgery token and cookie must pass on A.
        var signOutForm = await residentOnB.GetAsync("/Account/Logout");
        var token = signOutForm.Find("main form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {signOutForm}");
        using var residentBackOnA = SameBrowserOn(Instances.A, residentOnB);
        using var signOut = await residentBackOnA.PostRawAsync("/Account/Logout", [new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Equal("/Account/Manage", account.Url.AbsolutePath);
        Assert.True(account.IsSignedIn());
        Assert.Equal(HttpStatusCode.OK, staffHome.StatusCode);
        Assert.Equal("/Staff", staffHome.Url.AbsolutePath);
        Assert.True(staffHome.IsSignedIn());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.False((await residentBackOnA.GetAsync("/")).IsSignedIn());
    }

    [Fact]
    public async Task A_rate_limit_counts_posts_to_both_instances()
    {
        const int limit = InstancesFixture.PublicPostsPerMinute;
        using var onA = Instances.A.NewSession("es", fromAddress: "127.0.3.1");
        using var onB = Instances.B.NewSession("es", fromAddress: "127.0.3.1");
        var homeOnA = await onA.GetAsync("/");
        var homeOnB = await onB.GetAsync("/");
        var answers = new List<HttpStatusCode>();

        // Half the budget (and one more) on A, the rest on B: neither instance alone has seen the limit.
        for (var i = 0; i < limit / 2 + 1; i++)
        {
            answers.Add((await SwitchToSpanishAsync(onA, homeOnA)).StatusCode);
        }
        for (var i = 0; i < limit - (limit / 2 + 1); i++)
        {
            answers.Add((await SwitchToSpanishAsync(onB, homeOnB)).StatusCode);
        }
        var overOnB = await SwitchToSpanishAsync(onB, homeOnB);
        var overOnA = await SwitchToSpanishAsync(onA, homeOnA);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        foreach (var refused in new[] { overOnB, overOnA })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("Demasiados intentos", refused.H1);
        }
    }

    [Fact]
    public async Task Wrong_passwords_sent_to_both_instances_count_together()
    {
        var resident = await Instances.A.CreateResidentAsync();
        using var attackerOnA = Instances.A.NewSession(fromAddress: "127.0.3.2");
        using var attackerOnB = Instances.B.NewSession(fromAddress: "127.0.3.2");

        for (var i = 0; i < SignInThrottle.FailuresPerAddress; i++)
        {
            await (i % 2 == 0 ? attackerOnA : attackerOnB).SignInWithAsync(resident.Email, $"guess number {i} is wrong");
        }
        var rightPasswordOnA = await attackerOnA.SignInWithAsync(resident.Email, resident.Password);
        var rightPasswordOnB = await attackerOnB.SignInWithAsync(resident.Email, resident.Password);
        var ownerOnB = await Instances.B.NewSession().SignInWithAsync(resident.Email, resident.Password);

        foreach (var refused in new[] { rightPasswordOnA, rightPasswordOnB })
        {
            Assert.False(refused.IsSignedIn());
            Assert.StartsWith("There have been too many attempts", Assert.Single(refused.Errors), StringComparison.Ordinal);
        }
        Assert.True(ownerOnB.IsSignedIn());
    }

    /// <summary>A session on <paramref name="app"/> carrying <paramref name="browser"/>'s cookies (cookies ignore ports).</summary>
    private static WebSession SameBrowserOn(CiudadApp app, WebSession browser)
    {
        var session = app.NewSession();
        session.Cookies.Add(browser.Cookies.GetAllCookies());
        return session;
    }

    private static Task<HtmlPage> SwitchToSpanishAsync(WebSession session, HtmlPage home) =>
        session.SubmitAsync(home, new Dictionary<string, string> { ["culture"] = "es" }, "form.ciudad-language-switch");
}
