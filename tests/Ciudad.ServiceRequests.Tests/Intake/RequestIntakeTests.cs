using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Intake;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Tests.Intake;

public sealed class RequestIntakeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task A_report_gets_a_typeable_number_a_due_date_a_public_timeline_and_a_confirmation_in_the_reporters_language(TestDatabase db)
    {
        var app = await fixture.For(db);
        var email = TestPeople.UniqueEmail("reporter");

        var request = await app.CreateRequestAsync(r => r with { Email = email, Culture = "es" });

        Assert.NotNull(RequestNumbers.Normalize(request.Number));
        Assert.True(request.ExpectedAt > request.RequestedAt);
        var stored = await app.WithDbAsync(d => d.Requests().Include(r => r.Events).Include(r => r.Answers).Include(r => r.Followers)
            .SingleAsync(r => r.Number == request.Number));
        Assert.Equal(RequestStatus.Received, stored.Status);
        Assert.True(stored.IsOpen);
        Assert.Equal("medium", Assert.Single(stored.Answers).Value);
        Assert.True(Assert.Single(stored.Events).IsPublic);
        Assert.Equal(email, Assert.Single(stored.Followers).Email);
        Assert.Equal(await app.DepartmentIdAsync("streets-and-maintenance"), stored.DepartmentId);

        var confirmation = await app.Mailbox.WaitForAsync(email);
        Assert.Contains(RequestNumbers.Format(request.Number), confirmation.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Recibimos su solicitud", confirmation.Subject, StringComparison.Ordinal);
        Assert.Contains("/requests/" + request.Number, confirmation.TextBody, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_point_outside_the_city_a_missing_required_answer_and_a_bad_list_value_are_all_refused_and_nothing_is_stored(TestDatabase db)
    {
        var app = await fixture.For(db);
        var before = await app.WithDbAsync(d => d.Requests().CountAsync());

        var result = await app.WithServicesAsync(sp => sp.GetRequiredService<RequestIntake>().SubmitAsync(new IntakeSubmission
        {
            ServiceCode = "traffic-signal",
            Latitude = 31.7,
            Longitude = -106.0, // east of the city limits
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["signal_problem"] = ["dark", "on-fire"] },
        }));
        var missing = await app.WithServicesAsync(sp => sp.GetRequiredService<RequestIntake>().SubmitAsync(new IntakeSubmission
        {
            ServiceCode = "pothole",
            Address = "Mesa St & Executive Center Blvd",
        }));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Key == "Requests.Intake.OutsideCity");
        Assert.Contains(result.Errors, e => e.Key == "Requests.Intake.AnswerNotInList" && e.Field == "signal_problem");
        Assert.Equal("size", Assert.Single(missing.Errors).Field);
        Assert.Equal(before, await app.WithDbAsync(d => d.Requests().CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task An_address_alone_is_enough_and_an_anonymous_report_sends_no_email(TestDatabase db)
    {
        var app = await fixture.For(db);
        var mailBefore = app.Mailbox.All().Count;

        var request = await app.CreateRequestAsync(r => r with { Latitude = null, Longitude = null, Address = "Mesa St & Schuster Ave" });

        Assert.Null(request.Latitude);
        Assert.Equal("Mesa St & Schuster Ave", request.Address);
        Assert.Null(request.ReporterEmail);
        await app.Mailbox.DeliverDueAsync();
        Assert.Equal(mailBefore, app.Mailbox.All().Count);
    }

    [Theory, BothDatabases]
    public async Task Control_characters_pasted_into_a_report_are_dropped_rather_than_failing_the_report(TestDatabase db)
    {
        var app = await fixture.For(db);

        var request = await app.CreateRequestAsync(r => r with
        {
            Description = "Bache\0 enorme\u0007\nfrente a la escuela",
            Address = "Mesa\0 St",
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["size"] = ["large\0"] },
        });

        var stored = await app.WithDbAsync(d => d.Requests().Include(r => r.Answers).SingleAsync(r => r.Id == request.Id));
        Assert.Equal("Bache enorme\nfrente a la escuela", stored.Description);
        Assert.Equal("Mesa St", stored.Address);
        Assert.Equal("large", Assert.Single(stored.Answers).Value);
    }
}
