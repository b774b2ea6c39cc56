using Ciudad.Platform.City;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests.Addresses;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Intake;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Report;

/// <summary>Step 5: check your answers, each with a link back to its step, then submit through the one intake.</summary>
internal sealed class CheckModel(ReportDrafts drafts, ServiceFinder finder, CityTime cityTime, AddressLocator addresses,
    IStringLocalizer<ServiceRequestsModule> strings) : ReportPageModel(drafts)
{
    /// <summary>For a pin without a typed address: the nearest of the city's addresses, so the person can tell the pin is right.</summary>
    public string? NearestAddress { get; private set; }

    public Service Service { get; private set; } = default!;
    public IReadOnlyList<Guid> PhotoIds { get; private set; } = [];
    public IReadOnlyList<(string Question, string Answer)> Answers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await PrepareAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PrepareAsync() is { } elsewhere)
        {
            return elsewhere;
        }
        var result = await Drafts.SubmitAsync(Draft!, Culture, UserId, HttpContext.RequestAborted);
        if (result.Status == OutcomeStatus.NotFound)
        {
            // Another submit of this draft (a double click, a second tab) filed it: show that one.
            return Redirect("/report/confirmation");
        }
        if (!result.Succeeded)
        {
            // Rare: the catalog or the rules changed since the answers were given.
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", strings[error.Key, error.Arguments]);
            }
            return Invalid();
        }
        return Redirect("/report/confirmation");
    }

    private async Task<IActionResult?> PrepareAsync()
    {
        if (await RequireStepAsync(d => d.ContactSaved && d.DetailsSaved) is { } elsewhere)
        {
            return elsewhere;
        }
        if (await finder.FindActiveAsync(Draft!.ServiceCode, HttpContext.RequestAborted) is not { } service)
        {
            return Redirect("/report");
        }
        Service = service;
        var stored = Draft.Answers;
        Answers = AnswerForm.Questions(service)
            .Where(q => stored.ContainsKey(q.Code))
            .Select(q => (q.Description[Culture], AnswerForm.Display(q, stored[q.Code], Culture, cityTime)))
            .ToList();
        PhotoIds = await Drafts.PhotoIdsAsync(Draft, HttpContext.RequestAborted);
        if (Draft is { Latitude: { } lat, Longitude: { } lon, Address: null })
        {
            NearestAddress = await addresses.NearestAsync(new Geo.GeoPoint(lat, lon), HttpContext.RequestAborted);
        }
        return null;
    }
}
