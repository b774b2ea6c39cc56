using System.Globalization;
using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Localization;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Triage;

internal sealed record TemplateInput(
    int DepartmentId,
    int? ServiceId,
    LocalizedText Title,
    LocalizedText Body,
    RequestStatus? SuggestedStatus);

/// <summary>
/// Ready-made public updates. Agents use them on the request page; department managers keep them
/// (administrators for every department). A template outside the actor's reach is "not found".
/// </summary>
internal sealed class ResponseTemplates(CiudadDbContext db, AuditLog audit)
{
    /// <summary>Templates offered on a request: the department's general ones and its service's own.</summary>
    public Task<List<ResponseTemplate>> ForRequestAsync(int departmentId, int serviceId, CancellationToken cancellationToken = default) =>
        db.ResponseTemplates().AsNoTracking()
            .Where(t => t.DepartmentId == departmentId && (t.ServiceId == null || t.ServiceId == serviceId))
            .OrderBy(t => t.ServiceId == null).ThenBy(t => LocalizedTextSql.In(t.Title, SupportedCultures.English))
            .ToListAsync(cancellationToken);

    public async Task<List<ResponseTemplate>> ManagedAsync(StaffActor actor, CancellationToken cancellationToken = default)
    {
        var query = db.ResponseTemplates().AsNoTracking();
        if (!actor.IsAdministrator)
        {
            var managed = actor.ManagedDepartmentIds;
            query = query.Where(t => managed.Contains(t.DepartmentId));
        }
        return await query.OrderBy(t => t.DepartmentId).ThenBy(t => LocalizedTextSql.In(t.Title, SupportedCultures.English)).ToListAsync(cancellationToken);
    }

    public async Task<ResponseTemplate?> FindManagedAsync(int id, StaffActor actor, CancellationToken cancellationToken = default)
    {
        var template = await db.ResponseTemplates().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return template is not null && actor.CanManage(template.DepartmentId) ? template : null;
    }

    public async Task<Outcome> CreateAsync(TemplateInput input, StaffActor actor, CancellationToken cancellationToken = default)
    {
        var problem = await CheckAsync(input, actor, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var template = new ResponseTemplate
        {
            DepartmentId = input.DepartmentId,
            Title = LocalizedText.Empty,
            Body = LocalizedText.Empty,
        };
        Apply(template, input);
        db.ResponseTemplates().Add(template);
        // The id comes from the first save; the transaction keeps the template and its audit entry together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordNowAsync("servicerequests.template-created", nameof(ResponseTemplate), Id(template), after: Snapshot(template), cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }

    public async Task<Outcome> UpdateAsync(ResponseTemplate template, TemplateInput input, StaffActor actor, CancellationToken cancellationToken = default)
    {
        var problem = await CheckAsync(input, actor, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var before = Snapshot(template);
        Apply(template, input);
        audit.Record("servicerequests.template-updated", nameof(ResponseTemplate), Id(template), before, Snapshot(template));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    public async Task DeleteAsync(ResponseTemplate template, CancellationToken cancellationToken = default)
    {
        audit.Record("servicerequests.template-deleted", nameof(ResponseTemplate), Id(template), Snapshot(template));
        db.ResponseTemplates().Remove(template);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Outcome?> CheckAsync(TemplateInput input, StaffActor actor, CancellationToken cancellationToken)
    {
        if (!actor.CanManage(input.DepartmentId) || !await db.Departments.AnyAsync(d => d.Id == input.DepartmentId, cancellationToken))
        {
            return Outcome.Invalid("Input.DepartmentId", "Triage.Templates.Department.Required");
        }
        if (input.ServiceId is { } serviceId &&
            !await db.Services().AnyAsync(s => s.Id == serviceId && s.DepartmentId == input.DepartmentId, cancellationToken))
        {
            return Outcome.Invalid("Input.ServiceId", "Triage.Templates.Service.OtherDepartment");
        }
        if (input.SuggestedStatus is { } status && (!Enum.IsDefined(status) || status == RequestStatus.Duplicate))
        {
            return Outcome.Invalid("Input.SuggestedStatus", "Triage.Templates.Status.Invalid");
        }
        return null;
    }

    private static void Apply(ResponseTemplate template, TemplateInput input)
    {
        template.DepartmentId = input.DepartmentId;
        template.ServiceId = input.ServiceId;
        template.Title = ContentCultures.EnsureComplete(input.Title.Select(t => t.Trim()), "A template's title");
        template.Body = ContentCultures.EnsureComplete(input.Body.Select(b => Intake.PlainText.Clean(b)!.Trim()), "A template's text");
        template.SuggestedStatus = input.SuggestedStatus;
    }

    private static string Id(ResponseTemplate t) => t.Id.ToString(CultureInfo.InvariantCulture);

    private static object Snapshot(ResponseTemplate t) =>
        new { t.DepartmentId, t.ServiceId, t.Title, t.Body, SuggestedStatus = t.SuggestedStatus?.ToString() };
}
