using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Localization;
using Ciudad.Platform.Seeding;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Triage;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Seeding;

/// <summary>
/// Starter response templates, in English and Spanish, for every department that has none yet:
/// the answers staff write most often, ready to edit. A department's own templates are never touched.
/// </summary>
internal sealed class ResponseTemplateDemoData(CiudadDbContext db, AuditLog audit) : IDemoDataContributor
{
    // After the catalog (10): templates belong to departments that have services.
    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var withTemplates = await db.ResponseTemplates().Select(t => t.DepartmentId).Distinct().ToListAsync(cancellationToken);
        var departments = await db.Services().Select(s => s.DepartmentId).Distinct()
            .Where(id => !withTemplates.Contains(id)).ToListAsync(cancellationToken);
        foreach (var departmentId in departments)
        {
            db.ResponseTemplates().AddRange(Starters().Select(s => new ResponseTemplate
            {
                DepartmentId = departmentId,
                Title = s.Title,
                Body = s.Body,
                SuggestedStatus = s.Status,
            }));
        }
        if (departments.Count > 0)
        {
            audit.Record("servicerequests.templates-seeded", nameof(ResponseTemplate), null, after: new { departments }, actor: AuditActor.System);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static IEnumerable<(LocalizedText Title, LocalizedText Body, RequestStatus? Status)> Starters() =>
    [
        (LocalizedText.Of("Received, we are looking into it", "Recibida, la estamos revisando"),
            LocalizedText.Of("Thank you for your report. We have received it and a member of our team is looking into it.",
                "Gracias por su reporte. Lo recibimos y una persona de nuestro equipo lo está revisando."),
            RequestStatus.Investigating),
        (LocalizedText.Of("Work scheduled", "Trabajo programado"),
            LocalizedText.Of("We have scheduled the work. Our crew will take care of it in the coming days.",
                "Programamos el trabajo. Nuestra cuadrilla se encargará en los próximos días."),
            RequestStatus.ActionScheduled),
        (LocalizedText.Of("Fixed", "Resuelto"),
            LocalizedText.Of("Our crew has fixed the problem. Thank you for letting us know. If it is not fixed, you can reopen the request.",
                "Nuestra cuadrilla resolvió el problema. Gracias por avisarnos. Si no está resuelto, puede reabrir la solicitud."),
            RequestStatus.Fixed),
        (LocalizedText.Of("Could not find the problem", "No encontramos el problema"),
            LocalizedText.Of("Our crew went to the place given and could not find the problem. If it is still there, please report it again with more detail about where it is.",
                "Nuestra cuadrilla fue al lugar indicado y no encontró el problema. Si sigue ahí, por favor repórtelo de nuevo con más detalles de dónde está."),
            RequestStatus.NoFurtherAction),
        (LocalizedText.Of("Not the city's responsibility", "No le corresponde a la ciudad"),
            LocalizedText.Of("This is on private property or is handled by another agency, so the city cannot fix it. We have closed the request.",
                "Esto está en propiedad privada o le corresponde a otra dependencia, así que la ciudad no puede resolverlo. Cerramos la solicitud."),
            RequestStatus.NotCityResponsibility),
    ];
}
