using System.Net;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Web.Tests.Track;

/// <summary>"Follow this request": updates by email in the follower's language, and stopping them.</summary>
public sealed class FollowTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task A_neighbour_follows_and_gets_the_next_public_update_in_spanish(TestDatabase db)
    {
        var app = await fixture.For(db);
        var request = await app.CreateRequestAsync();
        var neighbour = TestPeople.UniqueEmail("vecina");
        using var visitor = app.NewSession("es-MX");
        var page = await visitor.GetAsync(RequestLinks.Track(request.Number));

        var confirmed = await visitor.SubmitAsync(page, new Dictionary<string, string> { ["Follow.Email"] = neighbour }, buttonText: "Seguir esta solicitud");
        await app.PublishAsync(request, RequestStatus.InProgress, "Cuadrilla en camino.");
        var mail = await app.Mailbox.WaitForAsync(neighbour);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Ya sigue esta solicitud", confirmed.Find("[role=status]")!.TextContent, StringComparison.Ordinal);
        var follower = await app.WithDbAsync(d => d.RequestFollowers().SingleAsync(f => f.RequestId == request.Id && f.Email == neighbour));
        Assert.Equal("es", follower.Culture);
        Assert.Contains("Novedades de la solicitud", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("En proceso", mail.Subject + mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Cuadrilla en camino.", mail.TextBody, StringComparison.Ordinal);
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
