namespace Ciudad.ServiceRequests.Triage;

internal enum TriageOutcome
{
    Done,

    /// <summary>No such request, or one outside the actor's departments: the same answer, so existence is not revealed.</summary>
    NotFound,

    /// <summary>Refused with a reason (<see cref="TriageResult.ErrorKey"/>) shown next to <see cref="TriageResult.Field"/>.</summary>
    Invalid,
}

/// <summary>What a staff action did; error keys are string catalog keys (Triage.*).</summary>
internal sealed record TriageResult(TriageOutcome Outcome, string? Field = null, string? ErrorKey = null, object[]? Arguments = null)
{
    public static TriageResult Done { get; } = new(TriageOutcome.Done);
    public static TriageResult NotFound { get; } = new(TriageOutcome.NotFound);

    public static TriageResult Invalid(string field, string errorKey, params object[] arguments) =>
        new(TriageOutcome.Invalid, field, errorKey, arguments);
}
