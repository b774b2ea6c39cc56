namespace Ciudad.Platform.Outcomes;

/// <summary>
/// One reason an operation was refused. <see cref="Key"/> is a string-catalog key the caller shows in
/// the person's language (with <see cref="Arguments"/>); <see cref="Field"/> names the input it belongs
/// to, so a page puts the message next to that field and an API names the parameter.
/// </summary>
public sealed record FieldError(string Field, string Key, params object[] Arguments);

public enum OutcomeStatus
{
    Done,

    /// <summary>
    /// No such thing, or one the actor may not see: one answer for both, so that refusing never
    /// reveals that something exists.
    /// </summary>
    NotFound,

    /// <summary>Refused for the reasons in <see cref="Outcome.Errors"/>; nothing was changed.</summary>
    Invalid,
}

/// <summary>
/// "Done, or these errors": what every module's commands answer (intake, triage, forms, payments…),
/// so pages and APIs turn refusals into messages the same way everywhere.
/// </summary>
public class Outcome
{
    protected Outcome(OutcomeStatus status, IReadOnlyList<FieldError> errors)
    {
        if (status == OutcomeStatus.Invalid && errors.Count == 0)
        {
            throw new ArgumentException("An invalid outcome names at least one error.", nameof(errors));
        }
        Status = status;
        Errors = errors;
    }

    public OutcomeStatus Status { get; }

    /// <summary>Empty unless <see cref="Status"/> is <see cref="OutcomeStatus.Invalid"/>.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    public bool Succeeded => Status == OutcomeStatus.Done;

    public static Outcome Done { get; } = new(OutcomeStatus.Done, []);

    public static Outcome NotFound { get; } = new(OutcomeStatus.NotFound, []);

    public static Outcome Invalid(string field, string key, params object[] arguments) =>
        new(OutcomeStatus.Invalid, [new FieldError(field, key, arguments)]);

    public static Outcome Invalid(IReadOnlyList<FieldError> errors) => new(OutcomeStatus.Invalid, errors);

    /// <summary>A success that carries what was made (the filed request, the saved form…).</summary>
    public static Outcome<T> Of<T>(T value) where T : notnull => new(value);

    /// <summary>This refusal, as the answer of a command that would have made a <typeparamref name="T"/>.</summary>
    public Outcome<T> As<T>() where T : notnull => Succeeded
        ? throw new InvalidOperationException("Only a refusal can be passed on without a value.")
        : new(Status, Errors);

    public override string ToString() =>
        Status == OutcomeStatus.Invalid ? $"Invalid: {string.Join("; ", Errors.Select(e => $"{e.Field} {e.Key}"))}" : Status.ToString();
}

/// <summary>An <see cref="Outcome"/> whose success carries a value.</summary>
public sealed class Outcome<T> : Outcome where T : notnull
{
    internal Outcome(T value) : base(OutcomeStatus.Done, []) => Value = value;

    internal Outcome(OutcomeStatus status, IReadOnlyList<FieldError> errors) : base(status, errors)
    {
    }

    /// <summary>What was made; only when <see cref="Outcome.Succeeded"/>.</summary>
    public T? Value { get; }
}
