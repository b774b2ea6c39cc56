using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Addresses;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Intake;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Pages.Report;

/// <summary>
/// Step 2: where. A map pin (JavaScript fills the hidden latitude and longitude) or, always
/// available, an address or cross streets. A point outside the city is refused with who to call.
/// </summary>
internal sealed partial class LocationModel(
    ReportDrafts drafts,
    ServiceFinder finder,
    DuplicateFinder duplicates,
    AddressLocator addresses,
    CityGeography geography,
    IOptions<ServiceRequestsOptions> options,
    IStringLocalizer<ServiceRequestsModule> strings) : ReportPageModel(drafts)
{
    /// <summary>The service chosen on step 1 (a link), else the draft's.</summary>
    [BindProperty(SupportsGet = true, Name = "service")] public string? ServiceCode { get; set; }

    [BindProperty] public LocationInput Input { get; set; } = new();

    public Service Service { get; private set; } = default!;
    public ServiceRequestsOptions Map => options.Value;

    public async Task<IActionResult> OnGetAsync()
    {
        var draft = await LoadDraftAsync();
        if (draft?.SubmittedNumber is not null)
        {
            draft = null; // a finished report: this is a new one
        }
        if (await FindServiceAsync(draft) is { } missing)
        {
            return missing;
        }
        if (draft is not null && draft.LocationSaved)
        {
            Input = new LocationInput
            {
                Latitude = draft.Latitude?.ToString("0.######", CultureInfo.InvariantCulture),
                Longitude = draft.Longitude?.ToString("0.######", CultureInfo.InvariantCulture),
                Address = draft.Address,
                Zipcode = draft.Zipcode,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var existing = await LoadDraftAsync();
        if (await FindServiceAsync(existing?.SubmittedNumber is null ? existing : null) is { } missing)
        {
            return missing;
        }
        var point = CheckLocation();
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var draft = await OpenOrStartDraftAsync();
        var serviceChanged = draft.ServiceCode != Service.Code;
        draft.ChangeService(Service.Code);
        draft.Latitude = point?.Latitude;
        draft.Longitude = point?.Longitude;
        draft.Address = Input.Address?.Trim() is { Length: > 0 } address ? address : null;
        draft.Zipcode = Input.Zipcode?.Trim() is { Length: > 0 } zip ? zip : null;
        draft.LocationSaved = true;
        await Drafts.SaveAsync(draft, HttpContext.RequestAborted);

        if (Change && !serviceChanged)
        {
            return Continue(draft, "/report/details");
        }
        // An address alone is placed as intake will place it, so its duplicates show too.
        var at = point ?? (await addresses.PlaceAsync(draft.Address, draft.Zipcode, HttpContext.RequestAborted)).Point;
        var nearby = at is { } p ? await duplicates.FindAsync(Service.Code, p, HttpContext.RequestAborted) : [];
        return Redirect(nearby.Count > 0 ? "/report/nearby" : "/report/details");
    }

    private async Task<IActionResult?> FindServiceAsync(ReportDraft? draft)
    {
        var code = string.IsNullOrEmpty(ServiceCode) ? draft?.ServiceCode : ServiceCode;
        var service = await finder.FindActiveAsync(code, HttpContext.RequestAborted);
        if (service is null)
        {
            return Redirect("/report");
        }
        Service = service;
        ServiceCode = service.Code;
        return null;
    }

    /// <summary>The pin, checked against the city limits; null when the person gave only an address.</summary>
    private GeoPoint? CheckLocation()
    {
        var hasLatitude = !string.IsNullOrWhiteSpace(Input.Latitude);
        var hasLongitude = !string.IsNullOrWhiteSpace(Input.Longitude);
        GeoPoint? point = null;
        if (hasLatitude || hasLongitude)
        {
            // Coordinates come from the map script, always with a dot, whatever the page's language.
            if (double.TryParse(Input.Latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                && double.TryParse(Input.Longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                && new GeoPoint(lat, lon) is { IsValid: true } candidate)
            {
                point = candidate;
                if (!geography.IsInsideCity(candidate))
                {
                    ModelState.AddModelError(MapFieldName, strings["Requests.Intake.OutsideCity"]);
                }
            }
            else
            {
                ModelState.AddModelError(MapFieldName, strings["Requests.Intake.LocationInvalid"]);
            }
        }
        else if (string.IsNullOrWhiteSpace(Input.Address))
        {
            ModelState.AddModelError("Input.Address", strings["Report.Location.Address.Required"]);
        }
        if (!string.IsNullOrWhiteSpace(Input.Zipcode) && !ZipPattern().IsMatch(Input.Zipcode.Trim()))
        {
            ModelState.AddModelError("Input.Zipcode", strings["Report.Location.Zipcode.Invalid"]);
        }
        return point;
    }

    /// <summary>Errors about the pin link to the map, the control that sets it.</summary>
    public const string MapFieldName = "Map";

    [GeneratedRegex(@"^\d{5}(-\d{4})?$")]
    private static partial Regex ZipPattern();
}

internal sealed class LocationInput
{
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }

    [StringLength(300, ErrorMessage = "Requests.Intake.AddressTooLong")]
    public string? Address { get; set; }

    [StringLength(10, ErrorMessage = "Report.Location.Zipcode.Invalid")]
    public string? Zipcode { get; set; }
}
