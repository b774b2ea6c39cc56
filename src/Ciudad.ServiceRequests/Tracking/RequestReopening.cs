using System.Globalization;
using System.Security.Cryptography;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Email;
using Ciudad.Platform.Identity;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Workflow;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Tracking;

/// <summary>Why "Is this fixed?" cannot reopen a request (None: it can).</summary>
internal enum ReopenRefusal
{
    None = 0,
    StillOpen,
    Merged,
    AlreadyReopened,
    WindowPassed,
    NotReporter,
    NotFound,
}

/// <summary>
/// "Is this fixed?": for a while after closing, the reporter may reopen the request once, with a
/// note. The reporter is either the signed-in person who filed it, or whoever can read the email
/// address on the report: they ask for a link, and Ciudad mails a signed, time-limited one to that
/// address. The link needs no table — it is a Data Protection token bound to this closing — and it
/// works once in effect, because a reopened request can never be reopened again.
/// </summary>
internal sealed class RequestReopening(
    CiudadDbContext db,
    RequestUpdates updates,
    Emails emails,
    AuditLog audit,
    IDataProtectionProvider protection,
    IOptions<ServiceRequestsOptions> options,
    TimeProvider clock)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);
    public const string ReporterActorName = "Reporter";

    private ITimeLimitedDataProtector Protector =>
        protection.CreateProtector("Ciudad.ServiceRequests.Reopen.v1").ToTimeLimitedDataProtector();

    /// <summary>The last moment the reporter may reopen, for a request closed at <paramref name="closedAt"/>.</summary>
    public DateTimeOffset Deadline(DateTimeOffset closedAt) => closedAt.AddDays(options.Value.ReopenWindowDays);

    public ReopenRefusal Check(bool isOpen, bool isMerged, int reopenCount, DateTimeOffset? closedAt)
    {
        if (isOpen || closedAt is null)
        {
            return ReopenRefusal.StillOpen;
        }
        if (isMerged)
        {
            return ReopenRefusal.Merged;
        }
        if (reopenCount > 0)
        {
            return ReopenRefusal.AlreadyReopened;
        }
        return clock.GetUtcNow() > Deadline(closedAt.Value) ? ReopenRefusal.WindowPassed : ReopenRefusal.None;
    }

    public ReopenRefusal Check(PublicRequestDetails request) =>
        Check(request.IsOpen, request.ParentNumber is not null, request.ReopenCount, request.ClosedAt);

    public Task<bool> IsReporterAsync(string number, string? userId, CancellationToken cancellationToken = default) =>
        userId is null
            ? Task.FromResult(false)
            : db.Requests().AnyAsync(r => r.Number == number && r.ReporterUserId == userId, cancellationToken);

    /// <summary>
    /// Emails a reopen link when <paramref name="email"/> is the address on the report and the request
    /// can be reopened. Says nothing either way, so the form cannot be used to test addresses.
    /// </summary>
    public async Task SendLinkAsync(string number, string email, string culture, CancellationToken cancellationToken = default)
    {
        var request = await db.Requests().AsNoTracking().Where(r => r.Number == number && r.Service!.Sensitivity != Sensitivity.Hidden)
            .Select(r => new { r.Number, r.ReporterEmail, r.IsOpen, r.ParentRequestId, r.ReopenCount, r.ClosedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (request?.ReporterEmail is null
            || !string.Equals(request.ReporterEmail, email.Trim(), StringComparison.OrdinalIgnoreCase)
            || Check(request.IsOpen, request.ParentRequestId is not null, request.ReopenCount, request.ClosedAt) != ReopenRefusal.None)
        {
            return;
        }
        var token = Protector.Protect(Payload(request.Number, request.ClosedAt!.Value), LinkLifetime);
        emails.Queue(request.ReporterEmail, culture, "RequestReopenLink",
            RequestNumbers.Format(request.Number),
            emails.Link($"{RequestLinks.Track(request.Number)}/reopen?token={Uri.EscapeDataString(token)}"),
            LinkLifetime.TotalHours.ToString(CultureInfo.InvariantCulture));
        audit.Record("servicerequests.reopen-link-sent", nameof(ServiceRequest), request.Number);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>True when <paramref name="token"/> is an unexpired link for this request's current closing.</summary>
    public bool LinkIsValid(string number, DateTimeOffset? closedAt, string? token)
    {
        if (string.IsNullOrEmpty(token) || closedAt is null)
        {
            return false;
        }
        try
        {
            var payload = Protector.Unprotect(token, out var expiration);
            return expiration > clock.GetUtcNow()
                && CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.UTF8.GetBytes(payload), System.Text.Encoding.UTF8.GetBytes(Payload(number, closedAt.Value)));
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reopens for the reporter (signed in as <paramref name="userId"/>, or holding a valid link):
    /// a public "Reopened" update that emails every follower, the department told, and an audit entry.
    /// <see cref="ReopenRefusal.None"/> when reopened; otherwise why not.
    /// </summary>
    public async Task<ReopenRefusal> ReopenAsync(string number, string note, string? userId, string? token, CancellationToken cancellationToken = default)
    {
        note = Intake.PlainText.Clean(note) ?? "";
        var id = await db.Requests().Where(r => r.Number == number).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        var request = id is null ? null : await updates.LoadAsync(id.Value, cancellationToken);
        if (request is null)
        {
            return ReopenRefusal.NotFound;
        }
        var refusal = Check(request.IsOpen, request.ParentRequestId is not null, request.ReopenCount, request.ClosedAt);
        if (refusal != ReopenRefusal.None)
        {
            return refusal;
        }
        var isReporter = (userId is not null && request.ReporterUserId == userId) || LinkIsValid(number, request.ClosedAt, token);
        if (!isReporter)
        {
            return ReopenRefusal.NotReporter;
        }
        var before = new { Status = request.Status.ToString(), request.ReopenCount };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Claims the one reopen in the database, so two tabs posting at once cannot both reopen.
        var claimed = await db.Requests().Where(r => r.Id == request.Id && r.ReopenCount == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReopenCount, 1), cancellationToken);
        if (claimed == 0)
        {
            return ReopenRefusal.AlreadyReopened;
        }
        // On a sensitive (coarsened) report the note is the reporter's own words and may name the house,
        // so it is kept like the description: followers' emails and the status notes do not carry it,
        // the timeline entry keeps it for staff and public views leave it out.
        var notePublic = request.Service!.Sensitivity == Sensitivity.Public;
        var reopened = updates.Publish(request, RequestStatus.Reopened, notePublic ? note : null, RequestEventKind.Reopened, userId, ReporterActorName);
        reopened.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        request.ReopenCount = 1;
        audit.Record("servicerequests.reopened", nameof(ServiceRequest), request.Number, before,
            new { Status = request.Status.ToString(), request.ReopenCount, ByLink = userId is null });
        // A department mailbox is read by the department's staff: write in the language most of them
        // chose for their own emails (English on a tie or with nobody yet). The note is the reporter's own words.
        var department = await db.Departments.Where(d => d.Id == request.DepartmentId)
            .Select(d => new
            {
                d.ContactEmail,
                Spanish = d.Members.Count(m => m.User!.PreferredCulture == SupportedCultures.Spanish),
                Others = d.Members.Count(m => m.User!.PreferredCulture != SupportedCultures.Spanish),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (department is not null)
        {
            var culture = department.Spanish > department.Others ? SupportedCultures.Spanish : SupportedCultures.English;
            emails.Queue(department.ContactEmail, culture, "RequestReopenedDepartment",
                RequestNumbers.Format(request.Number), request.Service!.Name[culture], reopened.Note,
                emails.Link(RequestLinks.Track(request.Number)));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ReopenRefusal.None;
    }

    private static string Payload(string number, DateTimeOffset closedAt) =>
        $"{number}|{closedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
}
