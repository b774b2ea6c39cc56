using Ciudad.ServiceRequests.Triage;

namespace Ciudad.ServiceRequests.Pages.Staff.Requests;

/// <summary>What the triage pages share: the acting staff member.</summary>
internal abstract class TriagePageModel : AdminPageModel
{
    private StaffActor? _actor;

    /// <summary>The signed-in staff member (the Staff policy guarantees an account).</summary>
    protected async Task<StaffActor> ActorAsync(CancellationToken cancellationToken)
    {
        _actor ??= await HttpContext.RequestServices.GetRequiredService<StaffActors>().ResolveAsync(User, cancellationToken)
            ?? throw new InvalidOperationException("Staff pages require a signed-in account.");
        return _actor;
    }
}
