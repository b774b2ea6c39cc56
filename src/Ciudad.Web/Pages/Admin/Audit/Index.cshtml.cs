using System.Globalization;
using System.Text.Json;
using Ciudad.Platform.Audit;
using Ciudad.Platform.City;
using Ciudad.Platform.Data;
using Ciudad.Web.UI.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ciudad.Web.Pages.Admin.Audit;

/// <summary>The audit log, newest first, with filters and a check of the hash chain.</summary>
public sealed class IndexModel(
    CiudadDbContext db,
    AuditVerifier verifier,
    IOptions<CityOptions> city,
    IStringLocalizer<Program> strings) : AdminPageModel
{
    // Relaxed escaping keeps "Bomberos" and "Policía" readable; Razor HTML-encodes the output anyway.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public MemorableDate From { get; set; } = new();
    [BindProperty(SupportsGet = true)] public MemorableDate To { get; set; } = new();

    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public int TotalPages => AdminDisplay.TotalPages(Total);
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>The result of "Verify chain", carried across the redirect.</summary>
    [TempData] public string? Verification { get; set; }
    [TempData] public bool VerificationIntact { get; set; }

    public string FilterQuery => AdminDisplay.Query(
        ("Action", Action), ("Actor", Actor), ("EntityType", EntityType), ("EntityId", EntityId),
        ("From.Month", Part(From.Month)), ("From.Day", Part(From.Day)), ("From.Year", Part(From.Year)),
        ("To.Month", Part(To.Month)), ("To.Day", Part(To.Day)), ("To.Year", Part(To.Year)));

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        // A part that is not a number gets the same plain-language message as an impossible date.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("From.", StringComparison.Ordinal) || k.StartsWith("To.", StringComparison.Ordinal)).ToList())
        {
            if (ModelState[key]!.Errors.Count > 0)
            {
                ModelState.Remove(key);
                var field = key.Split('.')[0];
                if (!ModelState.ContainsKey(field) || ModelState[field]!.Errors.Count == 0)
                {
                    ModelState.AddModelError(field, strings[$"Admin.Audit.{field}.Invalid"]);
                }
            }
        }
        var zone = city.Value.TimeZoneInfo;
        var from = Day(From, "From", zone);
        var to = Day(To, "To", zone);
        if (from is not null && to is not null && to < from)
        {
            ModelState.AddModelError("To", strings["Admin.Audit.To.BeforeFrom"]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Action))
        {
            query = query.Where(e => e.Action.StartsWith(Action.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim().ToLowerInvariant();
            // Runs as SQL lower(...) LIKE on both providers; .NET culture rules never apply here.
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(e => e.ActorEmail != null && e.ActorEmail.ToLower().Contains(actor));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            query = query.Where(e => e.EntityType == EntityType.Trim());
        }
        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            query = query.Where(e => e.EntityId == EntityId.Trim());
        }
        if (from is not null)
        {
            query = query.Where(e => e.OccurredAt >= from.Value);
        }
        if (to is not null)
        {
            var end = to.Value.AddDays(1); // the whole "to" day is included
            query = query.Where(e => e.OccurredAt < end);
        }
        Total = await query.CountAsync(cancellationToken);
        PageNumber = AdminDisplay.ClampPage(page, Total);
        Entries = await query.OrderByDescending(e => e.Sequence)
            .Skip((PageNumber - 1) * AdminDisplay.PageSize).Take(AdminDisplay.PageSize)
            .ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        var result = await verifier.VerifyAsync(cancellationToken);
        VerificationIntact = result.IsIntact;
        Verification = result.IsIntact
            ? strings["Admin.Audit.Verify.Intact", result.EntriesChecked]
            : strings["Admin.Audit.Verify.Broken", result.FirstBrokenSequence!.Value, result.Problem ?? ""];
        return RedirectToPage();
    }

    public static string? Pretty(string? json)
    {
        if (json is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>Midnight of a city-local calendar day, as an instant; adds a model error when the date is not real.</summary>
    private DateTimeOffset? Day(MemorableDate date, string field, TimeZoneInfo zone)
    {
        if (date.IsEmpty)
        {
            return null;
        }
        var day = date.ToDateOnly();
        if (day is null)
        {
            if (!ModelState.ContainsKey(field))
            {
                ModelState.AddModelError(field, strings[$"Admin.Audit.{field}.Invalid"]);
            }
            return null;
        }
        var local = day.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string? Part(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
