using AngleSharp.Html.Dom;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Identity;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Web.Tests.Triage;

/// <summary>What the triage tests share: signed-in staff, requests with a marker to find them, and a look at the data.</summary>
internal static class TriageKit
{
    public const string Streets = "streets-and-maintenance";
    public const string Environment = "environmental-services";

    /// <summary>A new staff member of <paramref name="department"/>, signed in (with an authenticator) through the real pages.</summary>
    public static async Task<(WebSession Session, TestPerson Person)> StaffAsync(this CiudadApp app, string role = StaffRoles.Agent,
        string department = Streets, string culture = "en")
    {
        var person = await app.CreateStaffAsync(role, department, culture: culture);
        var session = app.NewSession(culture == "es" ? "es-MX" : "en-US");
        await session.SignInAsync(person);
        return (session, person);
    }

    /// <summary>A word no other test uses, to find this test's requests in a shared queue.</summary>
    public static string Marker() => "mk" + Guid.NewGuid().ToString("N")[..10];

    public static Task<ServiceRequest> PotholeAsync(this CiudadApp app, string marker, string? email = null, string culture = "en") =>
        app.CreateRequestAsync(r => r with { Description = $"Pothole {marker}", Email = email, Name = email is null ? null : "Rosa Reporter", Phone = email is null ? null : "915-555-0100", Culture = culture });

    public static Task<ServiceRequest> GraffitiAsync(this CiudadApp app, string marker, string? email = null) =>
        app.CreateRequestAsync(r => r with
        {
            ServiceCode = "graffiti",
            Description = $"Graffiti {marker}",
            Email = email,
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["surface"] = ["wall"] },
        });

    public static Task<ServiceRequest> ReloadAsync(this CiudadApp app, ServiceRequest request) =>
        app.WithDbAsync(db => db.Requests().AsNoTracking().Include(r => r.Followers).SingleAsync(r => r.Id == request.Id));

    public static Task<List<RequestEvent>> EventsAsync(this CiudadApp app, ServiceRequest request) =>
        app.WithDbAsync(db => db.RequestEvents().AsNoTracking().Where(e => e.RequestId == request.Id).OrderBy(e => e.Id).ToListAsync());

    public static Task<List<AuditEntry>> AuditAsync(this CiudadApp app, string action, string entityId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == action && e.EntityId == entityId).ToListAsync());

    /// <summary>Emails queued for an address (delivered or not): proves what was, and was not, sent.</summary>
    public static Task<int> EmailsQueuedToAsync(this CiudadApp app, string address) =>
        app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Payload.Contains(address)));

    public static string RequestUrl(ServiceRequest request) => $"/Staff/Requests/{request.Number}";

    /// <summary>The numbers listed in the queue table, in order.</summary>
    public static List<string> QueueNumbers(this HtmlPage page) =>
        [.. page.FindAll("table.ciudad-queue tbody th[scope=row] a").Select(a => a.TextContent.Trim().Replace("-", "", StringComparison.Ordinal))];

    /// <summary>Ticks a row's box, as a person would, before <see cref="WebSession.SubmitAsync"/>.</summary>
    public static void Tick(this HtmlPage page, string number) =>
        ((IHtmlInputElement)(page.Find($"#select-{number}") ?? throw new InvalidOperationException($"No row {number} on {page}"))).IsChecked = true;

    public static string? Confirmation(this HtmlPage page) => page.Find(".usa-alert--success")?.TextContent.Trim();

    /// <summary>Form of the request page by its handler ("Update", "Note", "Assign"…).</summary>
    public static string Form(string handler) => $"main form[action*='handler={handler}']";
}
