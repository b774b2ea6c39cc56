using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests.Triage;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Staff.Requests;

/// <summary>What the triage pages share: the acting staff member and showing a refused action's reason.</summary>
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

    protected void AddError(Outcome result, IStringLocalizer strings) => ModelState.AddOutcomeErrors(result, strings);
}
