using System.Net;
using System.Security.Cryptography;
using System.Text;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Web.Tests.Track;

/// <summary>"Follow this request": confirmed by email, then updates in the follower's language, and stopping them.</summary>
public sealed class FollowTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task A_neighbour_confirms_by_email_and_only_then_gets_updates_in_spanish(TestDatabase db)
    {
        var app = await fixture.For(db);
        var request = await app.CreateRequestAsync();
        var neighbour = TestPeople.UniqueEmail("vecina");
        using var visitor = app.NewSession("es-MX");
        var page = await visitor.GetAsync(RequestLinks.Track(request.Number));

        var checkEmail = await visitor.SubmitAsync(page, new Dictionary<string, string> { ["Follow.Email"] = neighbour }, buttonText: "Seguir esta solicitud");
        await app.PublishAsync(request, RequestStatus.InProgress, "Antes de confirmar.");
        await app.Mailbox.DeliverDueAsync();
        var beforeConfirming = app.Mailbox.To(neighbour);
        var link = Mailbox.LinkIn(Assert.Single(beforeConfirming), "/requests/follow/confirm/");
        var pending = await app.WithDbAsync(d => d.RequestFollowers().AsNoTracking().SingleAsync(f => f.RequestId == request.Id && f.Email == neighbour));
        // Opening the link (as a mail scanner would) only asks; the button confirms.
        var question = await visitor.GetAsync(link);
        var stillPending = await app.WithDbAsync(d => d.RequestFollowers().AnyAsync(f => f.Id == pending.Id && f.ConfirmedAt == null));
        var confirmed = await visitor.SubmitAsync(question);
        await app.PublishAsync(request, RequestStatus.InProgress, "Cuadrilla en camino.");
        var update = await app.Mailbox.WaitForAsync(neighbour, m => (m.Subject ?? "").Contains("Novedades de la solicitud", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, checkEmail.StatusCode);
        Assert.Contains("Revise su correo", checkEmail.Find("[role=status]")!.TextContent, StringComparison.Ordinal);
        var confirmation = beforeConfirming[0];
        Assert.Contains("Confirme los avisos de la solicitud " + request.Display(), confirmation.Subject, StringComparison.Ordinal);
        Assert.Contains("Si no fue usted", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Null(pending.ConfirmedAt);
        Assert.Equal("es", pending.Culture);
        // Only a hash of the link's secret is kept.
        var token = link[(link.LastIndexOf('/') + 1)..];
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), pending.ConfirmationTokenHash);
        Assert.DoesNotContain(token, pending.ConfirmationTokenHash, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, question.StatusCode);
        Assert.Contains(request.Display(), question.Find("main p")!.TextContent, StringComparison.Ordinal);
        Assert.True(stillPending);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Ya sigue esta solicitud", confirmed.Find("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Cuadrilla en camino.", update.TextBody, StringComparison.Ordinal);
        Assert.Contains("En proceso", update.Subject + update.TextBody, StringComparison.Ordinal);
        // The update before confirming never went out: the inbox holds the confirmation and the later update only.
        Assert.Equal(2, app.Mailbox.To(neighbour).Count);
        Assert.DoesNotContain(app.Mailbox.To(neighbour), m => (m.TextBody ?? "").Contains("Antes de confirmar.", StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task A_signed_in_resident_follows_with_their_confirmed_address_at_once_but_not_with_another(TestDatabase db)
    {
        var app = await fixture.For(db);
        var request = await app.CreateRequestAsync();
        var resident = await app.CreateResidentAsync();
        var someoneElse = TestPeople.UniqueEmail("someone-else");
        using var session = app.NewSession();
        await session.SignInAsync(resident);

        var own = await session.SubmitAsync(await session.GetAsync(RequestLinks.Track(request.Number)), buttonText: "Follow this request");
        var other = await session.SubmitAsync(await session.GetAsync(RequestLinks.Track(request.Number)),
            new Dictionary<string, string> { ["Follow.Email"] = someoneElse }, buttonText: "Follow this request");
        await app.PublishAsync(request, RequestStatus.InProgress, "A crew is on the way.");
        await app.Mailbox.DeliverDueAsync();

        Assert.Contains("You are following this request", own.Find("[role=status]")!.TextContent, StringComparison.Ordinal);
        var toResident = Assert.Single(app.Mailbox.To(resident.Email));
        Assert.Contains("A crew is on the way.", toResident.TextBody, StringComparison.Ordinal);
        Assert.Contains("Check your email", other.Find("[role=status]")!.TextContent, StringComparison.Ordinal);
        var toOther = Assert.Single(app.Mailbox.To(someoneElse));
        Assert.StartsWith("Confirm updates on request", toOther.Subject, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Following_again_sends_no_flood_and_answers_alike_whoever_already_follows(TestDatabase db)
    {
        var app = await fixture.For(db);
        var reporter = TestPeople.UniqueEmail("reporter");
        var request = await app.CreateRequestAsync(r => r with { Email = reporter });
        var neighbour = TestPeople.UniqueEmail("neighbour");
        using var visitor = app.NewSession();
        var form = new Dictionary<string, string> { ["Follow.Email"] = neighbour };

        var first = await visitor.SubmitAsync(await visitor.GetAsync(RequestLinks.Track(request.Number)), form, buttonText: "Follow this request");
        var second = await visitor.SubmitAsync(await visitor.GetAsync(RequestLinks.Track(request.Number)), form, buttonText: "Follow this request");
        var third = await visitor.SubmitAsync(await visitor.GetAsync(RequestLinks.Track(request.Number)), form, buttonText: "Follow this request");
        // The reporter already gets every update: a stranger typing that address learns nothing, and nothing is sent.
        var reporterAddress = await visitor.SubmitAsync(await visitor.GetAsync(RequestLinks.Track(request.Number)),
            new Dictionary<string, string> { ["Follow.Email"] = reporter }, buttonText: "Follow this request");
        await app.Mailbox.DeliverDueAsync();

        var answers = new[] { first, second, third, reporterAddress }.Select(p => p.Find("[role=status]")!.TextContent.Trim()).Distinct().ToList();
        Assert.Equal(["Check your email. To start the updates, open the link we sent to that address. If it already follows this request, nothing changes."], answers);
        Assert.Single(app.Mailbox.To(neighbour));
        Assert.DoesNotContain(app.Mailbox.To(reporter), m => (m.Subject ?? "").StartsWith("Confirm updates", StringComparison.Ordinal));
        Assert.Equal(1, await app.WithDbAsync(d => d.RequestFollowers().CountAsync(f => f.RequestId == request.Id && f.Email == neighbour)));
    }

    [Theory, BothDatabases]
    public async Task Unknown_used_and_expired_confirmation_links_get_a_clear_page(TestDatabase db)
    {
        var app = await fixture.For(db);
        var request = await app.CreateRequestAsync();
        var late = TestPeople.UniqueEmail("late");
        var prompt = TestPeople.UniqueEmail("prompt");
        await app.WithServicesAsync(async sp =>
        {
            var following = sp.GetRequiredService<RequestFollowing>();
            await following.FollowAsync(request.Number, late, "es", person: null);
            await following.FollowAsync(request.Number, prompt, "en", person: null);
        });
        var lateLink = Mailbox.LinkIn(await app.Mailbox.WaitForAsync(late), "/requests/follow/confirm/");
        var promptLink = Mailbox.LinkIn(await app.Mailbox.WaitForAsync(prompt), "/requests/follow/confirm/");
        using var english = app.NewSession();
        using var spanish = app.NewSession("es-MX");
        // Opened in time, confirmed a week and a day later.
        var lateQuestion = await spanish.GetAsync(lateLink);
        await app.WithDbAsync(d => d.RequestFollowers().Where(f => f.Email == late)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.ConfirmationSentAt, DateTimeOffset.UtcNow.AddDays(-8))));

        var unknown = await english.GetAsync("/requests/follow/confirm/not-a-token");
        var expired = await spanish.GetAsync(lateLink);
        var expiredPost = await spanish.SubmitAsync(lateQuestion);
        var confirmed = await english.SubmitAsync(await english.GetAsync(promptLink));
        var used = await english.GetAsync(promptLink);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("This link does not work", unknown.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("Este enlace ya venció", expired.Text, StringComparison.Ordinal);
        Assert.Contains("sirven durante 7 días", expired.Text, StringComparison.Ordinal);
        Assert.NotNull(expired.Find($"a[href='{RequestLinks.Track(request.Number)}']"));
        Assert.Null(expired.Find("main form"));
        Assert.Equal(HttpStatusCode.Gone, expiredPost.StatusCode);
        Assert.Contains("You are following this request", confirmed.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, used.StatusCode);
        Assert.Contains("It may have been used already", used.Text, StringComparison.Ordinal);
        var followers = await app.WithDbAsync(d => d.RequestFollowers().AsNoTracking().Where(f => f.RequestId == request.Id).ToListAsync());
        Assert.Null(followers.Single(f => f.Email == late).ConfirmedAt);
        Assert.NotNull(followers.Single(f => f.Email == prompt).ConfirmedAt);
        Assert.Null(followers.Single(f => f.Email == prompt).ConfirmationTokenHash);
    }

    [Theory, BothDatabases]
    public async Task Following_needs_a_valid_email_address(TestDatabase db)
    {
        var app = await fixture.For(db);
        var request = await app.CreateRequestAsync();
        using var visitor = app.NewSession();
        var page = await visitor.GetAsync(RequestLinks.Track(request.Number));

        var refused = await visitor.SubmitAsync(page, new Dictionary<string, string> { ["Follow.Email"] = "not-an-email" }, buttonText: "Follow this request");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Enter an email address in the correct format, like name@example.com"], refused.Errors);
        Assert.StartsWith("Error:", refused.Title, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Unsubscribe_link_asks_first_and_only_a_post_stops_the_emails(TestDatabase db)
    {
        var app = await fixture.For(db);
        var email = TestPeople.UniqueEmail("reporter");
        var request = await app.CreateRequestAsync(r => r with { Email = email });
        await app.PublishAsync(request, RequestStatus.InProgress);
        var update = await app.Mailbox.WaitForAsync(email, m => (m.Subject ?? "").Contains("Update on request", StringComparison.Ordinal));
        var link = Mailbox.LinkIn(update, "/requests/unsubscribe/");
        using var visitor = app.NewSession();

        var question = await visitor.GetAsync(link);
        var stillFollowing = await app.WithDbAsync(d => d.RequestFollowers().AnyAsync(f => f.RequestId == request.Id && f.Email == email));
        var done = await visitor.SubmitAsync(question);
        var again = await visitor.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, question.StatusCode);
        Assert.Contains(request.Display(), question.Text, StringComparison.Ordinal);
        Assert.True(stillFollowing);
        Assert.Contains("We will not email you about request", done.Find("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(d => d.RequestFollowers().AnyAsync(f => f.RequestId == request.Id && f.Email == email)));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("This link does not work", again.Text, StringComparison.Ordinal);
    }
}
