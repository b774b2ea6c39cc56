using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Ciudad.Platform.Data;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Triage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Pages.Staff.Requests;

internal sealed class UpdateInput
{
    public string? Status { get; set; }
    public string? Note { get; set; }

    /// <summary>Changed in the same step; not posted (null) leaves it alone, empty ("Nobody") unassigns.</summary>
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Assignee { get; set; }
}

internal sealed class NoteInput
{
    public string? Text { get; set; }
}

internal sealed class AssignInput
{
    public string? UserId { get; set; }
}

internal sealed class PriorityInput
{
    public string? Value { get; set; }
}

internal sealed class RerouteInput
{
    public int? DepartmentId { get; set; }
    public string? Reason { get; set; }
}

internal sealed class MergeInput
{
    public string? ParentNumber { get; set; }
}

/// <summary>
/// One request as staff see it, with every action as its own small POST form. Each handler binds
/// only its own form (by prefix), so one form's empty fields never raise another form's errors.
/// A request outside the person's departments is "not found", for GET and POST alike.
/// </summary>
internal sealed class DetailsModel(
    CiudadDbContext db,
    StaffRequestDetails details,
    TriageActions actions,
    OneStepUpdate oneStep,
    RequestMerge merge,
    ResponseTemplates templates,
    DepartmentPeople people,
    CityGeography geography,
    IOptions<ServiceRequestsOptions> options,
    TimeProvider clock,
    IStringLocalizer<ServiceRequestsModule> strings) : TriagePageModel
{
    [BindProperty(SupportsGet = true)] public string Number { get; set; } = "";

    /// <summary>?template=id prefills the public update with that template, in the requester's language.</summary>
    [BindProperty(SupportsGet = true, Name = "template")] public int? Template { get; set; }

    public UpdateInput Update { get; set; } = new();
    public NoteInput Note { get; set; } = new();
    public AssignInput Assign { get; set; } = new();
    public PriorityInput Priority { get; set; } = new();
    public RerouteInput Reroute { get; set; } = new();
    public MergeInput Merge { get; set; } = new();

    public StaffRequestView View { get; private set; } = default!;
    /// <summary>The request itself (named so as not to hide the page's HTTP <c>Request</c>).</summary>
    public ServiceRequest Current => View.Request;
    public DateTimeOffset Now { get; private set; }
    public ServiceRequestsOptions MapOptions => options.Value;
    public string? AreaName { get; private set; }
    public ResponseTemplate? AppliedTemplate { get; private set; }
    public IReadOnlyList<ResponseTemplate> Templates { get; private set; } = [];
    public IReadOnlyList<SelectListItem> StatusItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> AssigneeItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> PriorityItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public Dictionary<int, string> DepartmentNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        Update.Status = Current.Status.ToString();
        Assign.UserId = Current.AssignedToUserId ?? "";
        Update.Assignee = Assign.UserId;
        Priority.Value = Current.Priority.ToString();
        if (Template is { } id && Templates.FirstOrDefault(t => t.Id == id) is { } template)
        {
            AppliedTemplate = template;
            Update.Note = template.Body[Current.ReporterCulture];
            Update.Status = (template.SuggestedStatus ?? Current.Status).ToString();
        }
        return Page();
    }

    /// <summary>Photos for staff come from here (hidden ones too); the public photo route shows only public ones.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(Guid photo, bool thumbnail, CancellationToken cancellationToken)
    {
        var bytes = await details.PhotoAsync(Number, photo, thumbnail, await ActorAsync(cancellationToken), cancellationToken);
        if (bytes is null)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "private, max-age=300";
        return File(bytes, "image/jpeg");
    }

    public async Task<IActionResult> OnPostUpdateAsync([Bind(Prefix = "Update")] UpdateInput input, CancellationToken cancellationToken)
    {
        Update = input;
        if (!Enum.TryParse<RequestStatus>(input.Status, out var status))
        {
            return await RefusedAsync(Outcome.Invalid("Update.Status", "Triage.Update.Status.Required"), cancellationToken);
        }
        var result = await oneStep.ApplyAsync(Number, await ActorAsync(cancellationToken), status, input.Note, input.Assignee, cancellationToken);
        return await AfterAsync(result, strings["Triage.Update.Done", strings[status.LabelKey()]], cancellationToken);
    }

    public async Task<IActionResult> OnPostNoteAsync([Bind(Prefix = "Note")] NoteInput input, CancellationToken cancellationToken)
    {
        Note = input;
        var result = await actions.AddInternalNoteAsync(Number, await ActorAsync(cancellationToken), input.Text, cancellationToken);
        return await AfterAsync(result, strings["Triage.Note.Done"], cancellationToken);
    }

    public async Task<IActionResult> OnPostAssignAsync([Bind(Prefix = "Assign")] AssignInput input, CancellationToken cancellationToken)
    {
        Assign = input;
        var actor = await ActorAsync(cancellationToken);
        var assignee = input.UserId == QueueTokens.Me ? actor.UserId : input.UserId;
        var result = await actions.AssignAsync(Number, actor, assignee, cancellationToken);
        var name = string.IsNullOrEmpty(assignee) ? null : await people.NameAsync(assignee, cancellationToken);
        return await AfterAsync(result, name is null ? strings["Triage.Assign.Unassigned"] : strings["Triage.Assign.Done", name], cancellationToken);
    }

    public async Task<IActionResult> OnPostPriorityAsync([Bind(Prefix = "Priority")] PriorityInput input, CancellationToken cancellationToken)
    {
        Priority = input;
        if (!Enum.TryParse<RequestPriority>(input.Value, out var priority))
        {
            return await RefusedAsync(Outcome.Invalid("Priority.Value", "Triage.Priority.Required"), cancellationToken);
        }
        var result = await actions.SetPriorityAsync(Number, await ActorAsync(cancellationToken), priority, cancellationToken);
        return await AfterAsync(result, strings["Triage.Priority.Done", strings[TriageDisplay.PriorityKey(priority)]], cancellationToken);
    }

    public async Task<IActionResult> OnPostRerouteAsync([Bind(Prefix = "Reroute")] RerouteInput input, CancellationToken cancellationToken)
    {
        Reroute = input;
        var result = await actions.RerouteAsync(Number, await ActorAsync(cancellationToken), input.DepartmentId, input.Reason, cancellationToken);
        if (result.Status != OutcomeStatus.Done)
        {
            return await AfterAsync(result, "", cancellationToken);
        }
        var department = await db.Departments.AsNoTracking().SingleAsync(d => d.Id == input.DepartmentId, cancellationToken);
        // The request has left this queue, and perhaps this person's reach: back to the queue.
        Confirmation = strings["Triage.Reroute.Done", TriageDisplay.Number(NormalizedNumber), department.Name[StringCatalogCulture.Current]];
        return LocalRedirect(TriageDisplay.QueuePath);
    }

    public async Task<IActionResult> OnPostMergeAsync([Bind(Prefix = "Merge")] MergeInput input, CancellationToken cancellationToken)
    {
        Merge = input;
        var result = await merge.MergeAsync(Number, input.ParentNumber, await ActorAsync(cancellationToken), cancellationToken);
        var parent = RequestNumbers.Normalize(input.ParentNumber) ?? "";
        return await AfterAsync(result, strings["Triage.Merge.Done", TriageDisplay.Number(parent)], cancellationToken);
    }

    public async Task<IActionResult> OnPostPhotoAsync(Guid photo, bool isPublic, CancellationToken cancellationToken)
    {
        var result = await actions.SetPhotoVisibilityAsync(Number, await ActorAsync(cancellationToken), photo, isPublic, cancellationToken);
        return await AfterAsync(result, strings[isPublic ? "Triage.Photo.Shown" : "Triage.Photo.Hidden"], cancellationToken);
    }

    private string NormalizedNumber => RequestNumbers.Normalize(Number) ?? Number;

    private async Task<IActionResult> AfterAsync(Outcome result, string confirmation, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case OutcomeStatus.NotFound:
                return NotFound();
            case OutcomeStatus.Invalid:
                return await RefusedAsync(result, cancellationToken);
            default:
                Confirmation = confirmation;
                return LocalRedirect(TriageDisplay.RequestPath(NormalizedNumber));
        }
    }

    private async Task<IActionResult> RefusedAsync(Outcome result, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        ModelState.AddOutcomeErrors(result, strings);
        return Invalid();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var actor = await ActorAsync(cancellationToken);
        var view = await details.LoadAsync(Number, actor, cancellationToken);
        if (view is null)
        {
            return false;
        }
        View = view;
        Now = clock.GetUtcNow();
        var culture = StringCatalogCulture.Current;
        AreaName = Current.AreaCode is null ? null : geography.FindArea(Current.AreaCode)?.Name(culture);
        Templates = await templates.ForRequestAsync(Current.DepartmentId, Current.ServiceId, cancellationToken);
        StatusItems = [.. RequestStatuses.All.Where(s => s != RequestStatus.Duplicate || Current.Status == RequestStatus.Duplicate)
            .Select(s => new SelectListItem(strings[s.LabelKey()], s.ToString()))];
        PriorityItems = [.. Enum.GetValues<RequestPriority>().Select(p => new SelectListItem(strings[TriageDisplay.PriorityKey(p)], p.ToString()))];
        var members = await people.MembersAsync([Current.DepartmentId], cancellationToken);
        AssigneeItems =
        [
            new(strings["Triage.Assign.Nobody"], ""),
            .. members.Any(m => m.UserId == actor.UserId) ? [] : new[] { new SelectListItem(strings["Triage.Assign.Me", actor.Name], actor.UserId) },
            .. members.Select(m => new SelectListItem(m.UserId == actor.UserId ? strings["Triage.Assign.Me", m.Name].Value : m.Name, m.UserId)),
        ];
        var departments = await db.Departments.AsNoTracking().ToListAsync(cancellationToken);
        DepartmentNames = departments.ToDictionary(d => d.Id, d => d.Name[culture]);
        DepartmentItems = [.. departments.Where(d => d.IsActive && d.Id != Current.DepartmentId)
            .OrderBy(d => d.Name[culture], StringComparer.CurrentCultureIgnoreCase)
            .Select(d => new SelectListItem(d.Name[culture], d.Id.ToString(CultureInfo.InvariantCulture)))];
        return true;
    }

    /// <summary>"Rerouted from Streets to Parks": the event's detail holds the two department ids.</summary>
    public (string From, string To) RerouteNames(RequestEvent e)
    {
        var parts = (e.Detail ?? "").Split('>');
        string Name(string id) => int.TryParse(id, CultureInfo.InvariantCulture, out var value) && DepartmentNames.TryGetValue(value, out var name) ? name : id;
        return parts.Length == 2 ? (Name(parts[0]), Name(parts[1])) : ("", "");
    }

    /// <summary>The headline of a timeline entry ("Status changed to Fixed", "Assigned to Ana Ruiz").</summary>
    public string EventText(RequestEvent e) => e.Kind switch
    {
        RequestEventKind.StatusChanged => strings["Triage.Event.StatusChanged", strings[e.Status.LabelKey()]],
        RequestEventKind.Assigned when !string.IsNullOrEmpty(e.Detail) => strings["Triage.Event.Assigned", e.Note ?? ""],
        RequestEventKind.PriorityChanged => strings["Triage.Event.PriorityChanged",
            Enum.TryParse<RequestPriority>(e.Detail, out var priority) ? strings[TriageDisplay.PriorityKey(priority)].Value : e.Detail ?? ""],
        RequestEventKind.Rerouted => strings["Triage.Event.Rerouted", RerouteNames(e).From, RerouteNames(e).To],
        RequestEventKind.MergedInto => strings["Triage.Event.MergedInto", TriageDisplay.Number(e.Detail ?? "")],
        RequestEventKind.DuplicateMerged => strings["Triage.Event.DuplicateMerged", TriageDisplay.Number(e.Detail ?? "")],
        RequestEventKind.ClientUpdate => strings["Triage.Event.ClientUpdate", e.Detail ?? ""],
        _ => strings[TriageDisplay.EventKey(e)],
    };

    public string PhotoUrl(Guid id, bool thumbnail) =>
        $"{TriageDisplay.RequestPath(Current.Number)}?handler=Photo&photo={id:N}{(thumbnail ? "&thumbnail=true" : "")}";
}
