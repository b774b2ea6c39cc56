using Ciudad.Platform.Events;

namespace Ciudad.Forms.Events;

// The forms module's integration events: what other modules (permits, hiring, payments) react to.
// Submissions are named by their reference and forms by their address. No personal data and no
// answers: a subscriber that needs the answers asks the module, which checks its authority.

/// <summary>A form was submitted (<paramref name="FeeCents"/> is what the form's fee rule asks for).</summary>
public sealed record FormSubmitted(string Reference, string FormSlug, int FormVersion, int DepartmentId, long? FeeCents, DateTimeOffset SubmittedAt)
    : IIntegrationEvent
{
    public static string EventName => "forms.submitted";
}

/// <summary>
/// A submission moved in review: <c>received</c>, <c>in_review</c>, <c>needs_information</c>,
/// <c>approved</c> or <c>rejected</c>. Approved and rejected are decisions.
/// </summary>
public sealed record SubmissionStatusChanged(string Reference, string FormSlug, int DepartmentId, string Status, DateTimeOffset At)
    : IIntegrationEvent
{
    public static string EventName => "forms.submission-status-changed";
}
