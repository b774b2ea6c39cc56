using System.Net;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Web.Tests.Staff;

/// <summary>From an administrator's invitation to a working staff member.</summary>
public sealed class InvitationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<string> InviteAsync(CiudadApp app, string email, string role, string? departmentSlug, string language = "en")
    {
        var admin = await app.CreateStaffAsync(StaffRoles.Administrator);
        using var session = app.NewSession("en-US");
        await session.SignInAsync(admin);
        var form = await session.GetAsync("/Admin/Staff/Invite");
        var values = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = role, ["Input.Language"] = language };
        if (departmentSlug is not null)
        {
            values["Input.DepartmentId"] = (await app.DepartmentIdAsync(departmentSlug)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var sent = await session.SubmitAsync(form, values);
        Assert.Equal($"Invitation sent to {email}.", sent.Find(".usa-alert--success")?.TextContent.Trim());
        var message = await app.Mailbox.WaitForAsync(email);
        return Ciudad.Testing.Mailbox.LinkIn(message, "/Staff/Invitation");
    }

    [Theory, BothDatabases]
    public async Task A_spanish_speaking_invitee_invited_in_english_stays_in_spanish_after_accepting(TestDatabase db)
    {
        var app = await fixture.For(db);
        var email = TestPeople.UniqueEmail("agente");
        var link = await InviteAsync(app, email, StaffRoles.Agent, "code-compliance", language: "en");
        using var invitee = app.NewSession("es-MX");
        var invitation = await invitee.GetAsync(link);

        var accepted = await invitee.SubmitAsync(invitation, new Dictionary<string, string> { ["Password"] = "una-contraseña-larga", ["ConfirmPassword"] = "una-contraseña-larga" });

        Assert.Equal("/Account/Manage/TwoFactor", accepted.Url.AbsolutePath);
        Assert.Equal("es", accepted.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("es", await app.WithDbAsync(d => d.Users.Where(u => u.Email == email).Select(u => u.PreferredCulture).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_new_person_accepts_chooses_a_password_and_is_sent_to_set_up_an_authenticator(TestDatabase db)
    {
        var app = await fixture.For(db);
        var email = TestPeople.UniqueEmail("newagent");
        var link = await InviteAsync(app, email, StaffRoles.Agent, "code-compliance", language: "es");
        using var invitee = app.NewSession("es-MX");

        var invitation = await invitee.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, invitation.StatusCode);
        Assert.Equal("Únase al portal del personal de la ciudad", invitation.H1);
        Assert.Contains("Cumplimiento de Códigos", invitation.Text, StringComparison.Ordinal);
        Assert.Contains("Agente", invitation.Text, StringComparison.Ordinal);

        var tooShort = await invitee.SubmitAsync(invitation, new Dictionary<string, string> { ["Password"] = "corta", ["ConfirmPassword"] = "corta" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(["Su contraseña debe tener al menos 12 caracteres"], tooShort.Errors);
        var mismatch = await invitee.SubmitAsync(invitation, new Dictionary<string, string> { ["Password"] = "una-contraseña-larga", ["ConfirmPassword"] = "otra-contraseña-larga" });
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);

        var accepted = await invitee.SubmitAsync(invitation, new Dictionary<string, string> { ["Password"] = "una-contraseña-larga", ["ConfirmPassword"] = "una-contraseña-larga" });

        Assert.Equal("/Account/Manage/TwoFactor", accepted.Url.AbsolutePath);
        Assert.Contains("required=1", accepted.Url.Query, StringComparison.Ordinal);
        var (userId, isStaff, confirmed, role) = await app.WithDbAsync(async d =>
        {
            var user = await d.Users.SingleAsync(u => u.Email == email);
            var membership = await d.DepartmentMembers.Include(m => m.Department).SingleAsync(m => m.UserId == user.Id);
            return (user.Id, user.IsStaff, user.EmailConfirmed, (membership.Department!.Slug, membership.Role));
        });
        Assert.True(isStaff);
        Assert.True(confirmed);
        Assert.Equal(("code-compliance", DepartmentRole.Agent), role);
        var audit = await app.WithDbAsync(d => d.AuditEntries.Where(e => e.Action == "staff.invitation-accepted" && e.EntityId == userId).ToListAsync());
        Assert.Equal(email, Assert.Single(audit).ActorEmail);

        using var again = app.NewSession("en-US");
        var reused = await again.GetAsync(link);
        Assert.Equal("This invitation was already accepted", reused.H1);
        Assert.Null(reused.Find("input[type=password]"));
    }

    [Theory, BothDatabases]
    public async Task An_existing_account_must_sign_in_before_accepting(TestDatabase db)
    {
        var app = await fixture.For(db);
        var resident = await app.CreateResidentAsync();
        var link = await InviteAsync(app, resident.Email, StaffRoles.DepartmentManager, "public-health");

        using var anonymous = app.NewSession("en-US");
        var page = await anonymous.GetAsync(link);
        Assert.Null(page.Find("input[type=password]"));
        Assert.Contains("already has a password", page.Text, StringComparison.Ordinal);
        var forged = await anonymous.PostRawAsync("/Staff/Invitation", [
            new("Token", System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://x"), link).Query)["token"]!),
            new("__RequestVerificationToken", page.Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(await app.WithDbAsync(d => d.DepartmentMembers.AnyAsync(m => m.UserId == resident.Id)));

        using var signedIn = app.NewSession("en-US");
        await signedIn.SignInAsync(resident);
        var ready = await signedIn.GetAsync(link);
        var accepted = await signedIn.SubmitAsync(ready, buttonText: "Accept the invitation");

        Assert.Equal("/Account/Manage/TwoFactor", accepted.Url.AbsolutePath);
        Assert.True(await app.WithDbAsync(d => d.DepartmentMembers.AnyAsync(m => m.UserId == resident.Id && m.Role == DepartmentRole.Manager)));
    }

    [Theory, BothDatabases]
    public async Task Staff_without_an_authenticator_cannot_enrol_with_only_their_password_but_can_from_their_invitation(TestDatabase db)
    {
        var app = await fixture.For(db);
        var agent = await app.CreateStaffAsync(StaffRoles.Agent, enrolMfa: false);
        using var withPasswordOnly = app.NewSession("en-US");
        await withPasswordOnly.SignInAsync(agent);
        var sentToEnrol = await withPasswordOnly.GetAsync("/Staff");
        var forged = await withPasswordOnly.PostRawAsync("/Account/Manage/TwoFactor?handler=Enable", [
            new("Input.Code", "123456"),
            new("__RequestVerificationToken", sentToEnrol.Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]);

        // An administrator sends a new invitation; the emailed link is what lets the owner enrol.
        var link = await InviteAsync(app, agent.Email, StaffRoles.Agent, "streets-and-maintenance");
        using var owner = app.NewSession("en-US");
        await owner.SignInAsync(agent);
        var setup = await owner.SubmitAsync(await owner.GetAsync(link), buttonText: "Accept the invitation");
        await owner.SubmitAsync(setup, new Dictionary<string, string> { ["Input.Code"] = Totp.NextCode(setup.Find(".ciudad-shared-key")!.TextContent) });
        var staffHome = await owner.GetAsync("/Staff");

        Assert.Equal("/Account/Manage/TwoFactor", sentToEnrol.Url.AbsolutePath);
        Assert.Null(sentToEnrol.Find(".ciudad-shared-key"));
        Assert.Contains("Open the link we emailed you", sentToEnrol.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.NotEmpty(await app.WithDbAsync(d => d.AuditEntries.Where(e => e.Action == "account.mfa-enrolment-refused" && e.EntityId == agent.Id).ToListAsync()));
        Assert.Equal("/Staff", staffHome.Url.AbsolutePath);
    }

    [Theory, BothDatabases]
    public async Task Unknown_and_expired_invitations_say_so_in_both_languages(TestDatabase db)
    {
        var app = await fixture.For(db);
        var email = TestPeople.UniqueEmail("late");
        var link = await InviteAsync(app, email, StaffRoles.Agent, "library");
        await app.WithDbAsync(async d =>
        {
            var userId = await d.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var invitation = await d.StaffInvitations.SingleAsync(i => i.UserId == userId);
            invitation.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            return await d.SaveChangesAsync();
        });

        var expired = await app.NewSession("en-US").GetAsync(link);
        var expiredEs = await app.NewSession("es").GetAsync(link);
        var unknown = await app.NewSession("en-US").GetAsync("/Staff/Invitation?token=abc");
        var unknownEs = await app.NewSession("es").GetAsync("/Staff/Invitation");

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal("This invitation has expired", expired.H1);
        Assert.Equal("Esta invitación ya venció", expiredEs.H1);
        Assert.Null(expired.Find("form input[type=password]"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("We could not find this invitation", unknown.H1);
        Assert.Equal("No encontramos esta invitación", unknownEs.H1);
    }

    [Theory, BothDatabases]
    public async Task Deactivating_a_person_closes_their_open_invitation(TestDatabase db)
    {
        var app = await fixture.For(db);
        var agent = await app.CreateStaffAsync(StaffRoles.Agent, "library");
        // A second invitation is waiting when an administrator deactivates the person.
        var link = await InviteAsync(app, agent.Email, StaffRoles.DepartmentManager, "library");
        var admin = await app.CreateStaffAsync(StaffRoles.Administrator);
        using var session = app.NewSession("en-US");
        await session.SignInAsync(admin);
        var person = await session.GetAsync($"/Admin/Staff/{agent.Id}");
        await session.SubmitAsync(person, formSelector: "form[action*='handler=Deactivate']");

        using var former = app.NewSession("en-US");
        var invitation = await former.GetAsync(link);

        // Accepting it would otherwise have reactivated the account.
        Assert.Equal(HttpStatusCode.Gone, invitation.StatusCode);
        Assert.True(await app.WithDbAsync(d => d.Users.Where(u => u.Id == agent.Id).Select(u => u.IsDeactivated).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task Resending_replaces_the_old_link(TestDatabase db)
    {
        var app = await fixture.For(db);
        var email = TestPeople.UniqueEmail("resend");
        var oldLink = await InviteAsync(app, email, StaffRoles.Agent, "fire");
        var admin = await app.CreateStaffAsync(StaffRoles.Administrator);
        using var session = app.NewSession("en-US");
        await session.SignInAsync(admin);
        var userId = await app.WithDbAsync(d => d.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        var person = await session.GetAsync($"/Admin/Staff/{userId}");
        var resent = await session.SubmitAsync(person, formSelector: "form[action*='handler=Resend']");

        Assert.Equal($"Invitation sent to {email}.", resent.Find(".usa-alert--success")!.TextContent.Trim());
        var newLink = Ciudad.Testing.Mailbox.LinkIn(await app.Mailbox.WaitForAsync(email, m => !(m.TextBody ?? "").Contains(oldLink, StringComparison.Ordinal)), "/Staff/Invitation");
        Assert.NotEqual(oldLink, newLink);
        Assert.Equal(HttpStatusCode.Gone, (await app.NewSession().GetAsync(oldLink)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.NewSession().GetAsync(newLink)).StatusCode);
    }
}
