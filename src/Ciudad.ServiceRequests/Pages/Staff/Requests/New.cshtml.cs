using System.Globalization;
using Ciudad.Platform.City;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Intake;
using Ciudad.ServiceRequests.Pages.Report;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Triage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Pages.Staff.Requests;

/// <summary>Who called and how; the problem itself is in <see cref="DetailsInput"/>, as on the resident's journey.</summary>
internal sealed class CallInput
{
    public string? Channel { get; set; } = nameof(RequestChannel.Phone);
    public string? ServiceCode { get; set; }
    public string? Address { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Culture { get; set; }
    public bool NotifyByEmail { get; set; } = true;

    /// <summary>Set once the possible duplicates were shown: the next submit files anyway.</summary>
    public bool DuplicatesSeen { get; set; }
}

/// <summary>
/// Staff file a report for a phone caller or a walk-in: one page, any service, through the same
/// intake rules as residents. The service's questions appear once a service is chosen ("Show its
/// questions" without JavaScript; submitting with another service also shows them, with what
/// is missing). Possible duplicates are shown once before filing. The caller's confirmation
/// email goes out in the language they chose.
/// </summary>
internal sealed class NewModel(
    ServiceFinder finder,
    RequestIntake intake,
    CallerDuplicates duplicates,
    IOptions<CityOptions> city,
    IStringLocalizer<ServiceRequestsModule> strings) : TriagePageModel
{
    private readonly AnswerForm answerForm = new(strings, city);

    /// <summary>How staff may receive a report; web and Open311 are the residents' own channels.</summary>
    public static readonly IReadOnlyList<RequestChannel> StaffChannels =
        [RequestChannel.Phone, RequestChannel.WalkIn, RequestChannel.Email, RequestChannel.Staff];

    [BindProperty] public CallInput Call { get; set; } = new();
    [BindProperty] public DetailsInput Input { get; set; } = new();

    /// <summary>The request just filed (after the redirect), so its number can be read to the caller.</summary>
    [BindProperty(SupportsGet = true, Name = "filed")] public string? Filed { get; set; }

    public Service? Service { get; private set; }
    public IReadOnlyList<NearbyRequest> Duplicates { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ServiceItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ChannelItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> LanguageItems { get; private set; } = [];

    /// <summary>Id of the field the cursor starts in: the service, then (once its questions are shown) the address.</summary>
    public string InitialFocus { get; private set; } = "Call-ServiceCode";

    public async Task OnGetAsync(string? service, CancellationToken cancellationToken)
    {
        Filed = RequestNumbers.Normalize(Filed);
        Call.ServiceCode = service;
        Call.Culture = StringCatalogCulture.Current;
        await PrepareAsync(cancellationToken);
    }

    /// <summary>"Show its questions": the same page with the chosen service's questions, nothing checked yet.</summary>
    public async Task<IActionResult> OnPostServiceAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Call.DuplicatesSeen = false;
        await PrepareAsync(cancellationToken);
        if (Service is not null)
        {
            InitialFocus = "Call-Address";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        if (Service is null)
        {
            ModelState.AddModelError("Call.ServiceCode", strings["Triage.Intake.Service.Required"]);
            return Invalid();
        }
        if (!Enum.TryParse<RequestChannel>(Call.Channel, out var channel) || !StaffChannels.Contains(channel))
        {
            ModelState.AddModelError("Call.Channel", strings["Triage.Intake.Channel.Required"]);
        }
        var point = ReadPoint();
        var answers = answerForm.Read(Service, Input, ModelState, required: true);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        if (!Call.DuplicatesSeen)
        {
            Duplicates = await duplicates.FindAsync(Service.Code, point, Call.Address, cancellationToken);
            if (Duplicates.Count > 0)
            {
                Call.DuplicatesSeen = true;
                ModelState.Remove("Call.DuplicatesSeen");
                return Page();
            }
        }
        var actor = await ActorAsync(cancellationToken);
        var result = await intake.SubmitAsync(new IntakeSubmission
        {
            ServiceCode = Service.Code,
            Latitude = point?.Latitude,
            Longitude = point?.Longitude,
            Address = Call.Address,
            Description = Input.Description,
            Answers = answers.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value),
            Name = Call.Name,
            Email = Call.Email,
            Phone = Call.Phone,
            Culture = SupportedCultures.Normalize(Call.Culture),
            NotifyByEmail = Call.NotifyByEmail,
            Channel = channel,
            FiledBy = new IntakeFiler(actor.UserId, actor.Name),
        }, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(FieldFor(error.Field), strings[error.Key, error.Arguments]);
            }
            return Invalid();
        }
        return LocalRedirect("/Staff/Requests/New?filed=" + result.Value!.Number);
    }

    /// <summary>Coordinates are optional (callers give addresses); when given, both and as numbers.</summary>
    private GeoPoint? ReadPoint()
    {
        var lat = Call.Latitude?.Trim();
        var lon = Call.Longitude?.Trim();
        if (string.IsNullOrEmpty(lat) && string.IsNullOrEmpty(lon))
        {
            return null;
        }
        if (double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            && double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
        {
            return new GeoPoint(latitude, longitude);
        }
        ModelState.AddModelError("Call.Latitude", strings["Triage.Intake.Coordinates.Invalid"]);
        return null;
    }

    /// <summary>The intake names fields as Open311 does; errors go next to this page's field.</summary>
    private string FieldFor(string intakeField) => intakeField switch
    {
        "service_code" => "Call.ServiceCode",
        "lat" or "long" => "Call.Latitude",
        "address_string" => "Call.Address",
        "description" => "Input.Description",
        "email" => "Call.Email",
        "phone" => "Call.Phone",
        var code when Service?.Attributes.FirstOrDefault(a => a.Code == code) is { } attribute => AnswerForm.FieldName(attribute),
        _ => "",
    };

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var culture = StringCatalogCulture.Current;
        var services = await finder.ActiveServicesAsync(cancellationToken);
        ServiceItems = [.. services.Select(s => new SelectListItem(s.Name[culture], s.Code))
            .OrderBy(i => i.Text, StringComparer.CurrentCultureIgnoreCase)];
        ChannelItems = [.. StaffChannels.Select(c => new SelectListItem(strings[TriageDisplay.ChannelKey(c)], c.ToString()))];
        LanguageItems = [.. SupportedCultures.All.Select(c => new SelectListItem(strings[$"Triage.Intake.Language.{c}"], c))];
        Call.Culture = SupportedCultures.Normalize(Call.Culture ?? culture);
        Service = await finder.FindActiveAsync(Call.ServiceCode, cancellationToken);
        if (Service is not null)
        {
            AnswerForm.EnsureKeys(Service, Input);
        }
    }
}
