using Ciudad.Platform.Outcomes;

namespace Ciudad.Platform.Tests.Outcomes;

public sealed class OutcomeTests
{
    [Fact]
    public void A_refusal_keeps_every_reason_when_passed_on_as_a_command_that_makes_something()
    {
        var refusal = Outcome.Invalid([new FieldError("email", "Requests.Intake.EmailInvalid"), new FieldError("lat", "Requests.Intake.OutsideCity")]);

        var passedOn = refusal.As<string>();

        Assert.False(passedOn.Succeeded);
        Assert.Equal(OutcomeStatus.Invalid, passedOn.Status);
        Assert.Equal(["email", "lat"], passedOn.Errors.Select(e => e.Field));
        Assert.Null(passedOn.Value);
        Assert.Equal(OutcomeStatus.NotFound, Outcome.NotFound.As<string>().Status);
    }

    [Fact]
    public void A_success_carries_what_was_made_and_no_errors()
    {
        var made = Outcome.Of("SR-0001");

        Assert.True(made.Succeeded);
        Assert.Equal("SR-0001", made.Value);
        Assert.Empty(made.Errors);
    }

    [Fact]
    public void A_refusal_without_a_reason_or_a_success_without_a_value_cannot_be_made()
    {
        Assert.Throws<ArgumentException>(() => Outcome.Invalid([]));
        Assert.Throws<InvalidOperationException>(() => Outcome.Done.As<string>());
    }

    [Fact]
    public void Arguments_of_a_reason_stay_in_order_for_the_message()
    {
        var refusal = Outcome.Invalid("Note.Text", "Triage.Note.TooLong", 4000);

        Assert.Equal([4000], refusal.Errors.Single().Arguments);
        Assert.Equal("Invalid: Note.Text Triage.Note.TooLong", refusal.ToString());
    }
}
