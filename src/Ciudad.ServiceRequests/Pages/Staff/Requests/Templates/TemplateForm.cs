using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Ciudad.Platform.Data;
using Ciudad.Platform.Localization;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Triage;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ciudad.ServiceRequests.Pages.Staff.Requests.Templates;

/// <summary>The create and edit form of a response template: both languages side by side.</summary>
internal sealed class TemplateForm
{
    [Required(ErrorMessage = "Triage.Templates.Department.Required")]
    public int? DepartmentId { get; set; }

    public int? ServiceId { get; set; }

    [Required(ErrorMessage = "Triage.Templates.TitleEn.Required")]
    [StringLength(200, ErrorMessage = "Triage.Templates.Title.TooLong")]
    public string? TitleEn { get; set; }

    [Required(ErrorMessage = "Triage.Templates.TitleEs.Required")]
    [StringLength(200, ErrorMessage = "Triage.Templates.Title.TooLong")]
    public string? TitleEs { get; set; }

    [Required(ErrorMessage = "Triage.Templates.BodyEn.Required")]
    [StringLength(4000, ErrorMessage = "Triage.Templates.Body.TooLong")]
    public string? BodyEn { get; set; }

    [Required(ErrorMessage = "Triage.Templates.BodyEs.Required")]
    [StringLength(4000, ErrorMessage = "Triage.Templates.Body.TooLong")]
    public string? BodyEs { get; set; }

    public string? SuggestedStatus { get; set; }

    public static TemplateForm From(ResponseTemplate t) => new()
    {
        DepartmentId = t.DepartmentId,
        ServiceId = t.ServiceId,
        TitleEn = t.Title["en"],
        TitleEs = t.Title["es"],
        BodyEn = t.Body["en"],
        BodyEs = t.Body["es"],
        SuggestedStatus = t.SuggestedStatus?.ToString(),
    };

    public TemplateInput ToInput() => new(DepartmentId ?? 0, ServiceId, LocalizedText.Of(TitleEn ?? "", TitleEs ?? ""), LocalizedText.Of(BodyEn ?? "", BodyEs ?? ""),
        Enum.TryParse<RequestStatus>(SuggestedStatus, out var status) ? status : null);
}

/// <summary>The choices of the template form: departments the person manages, their services, statuses.</summary>
internal sealed record TemplateChoices(
    IReadOnlyList<SelectListItem> Departments,
    IReadOnlyList<SelectListItem> Services,
    IReadOnlyList<SelectListItem> Statuses)
{
    public static async Task<TemplateChoices> LoadAsync(CiudadDbContext db, StaffActor actor, IStringLocalizer strings, CancellationToken cancellationToken)
    {
        var culture = StringCatalogCulture.Current;
        var departments = (await db.Departments.AsNoTracking().ToListAsync(cancellationToken))
            .Where(d => actor.CanManage(d.Id) && (d.IsActive || !actor.IsAdministrator))
            .OrderBy(d => d.Name[culture], StringComparer.CurrentCultureIgnoreCase).ToList();
        var ids = departments.Select(d => d.Id).ToList();
        var services = await db.Services().AsNoTracking().Where(s => ids.Contains(s.DepartmentId)).ToListAsync(cancellationToken);
        return new TemplateChoices(
            [.. departments.Select(d => new SelectListItem(d.Name[culture], d.Id.ToString(CultureInfo.InvariantCulture)))],
            [.. services.OrderBy(s => s.Name[culture], StringComparer.CurrentCultureIgnoreCase)
                .Select(s => new SelectListItem($"{s.Name[culture]} ({departments.First(d => d.Id == s.DepartmentId).Name[culture]})", s.Id.ToString(CultureInfo.InvariantCulture)))],
            [.. RequestStatuses.All.Where(s => s != RequestStatus.Duplicate).Select(s => new SelectListItem(strings[s.LabelKey()], s.ToString()))]);
    }
}
