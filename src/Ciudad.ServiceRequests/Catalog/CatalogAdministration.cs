using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Catalog;

internal sealed record ServiceInput(
    string Code, LocalizedText Name, LocalizedText Description,
    LocalizedText Keywords, LocalizedText Group, int DepartmentId,
    SlaKind SlaKind, int SlaDays, Sensitivity Sensitivity, bool IsActive, int SortOrder);

internal sealed record QuestionInput(
    string Code, AttributeDatatype Datatype, bool IsVariable, bool IsRequired,
    LocalizedText Description, LocalizedText DatatypeDescription, int? Order);

internal sealed record AnswerInput(string Key, LocalizedText Name, int? Order);

/// <summary>
/// Administrators' changes to the 311 catalog: services, their questions and the answers of list
/// questions. Codes and keys are fixed once created, because requests and Open311 clients refer
/// to them. Every text is written in English and Spanish at least (<see cref="ContentCultures"/>).
/// Nothing is deleted that requests point at: a service is deactivated, not removed, and
/// stored answers keep their codes. Every change is audited with before and after.
/// </summary>
internal sealed class CatalogAdministration(CiudadDbContext db, AuditLog audit, TimeProvider clock)
{
    public Task<List<Service>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Services().AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => LocalizedTextSql.In(s.Name, SupportedCultures.English)).ToListAsync(cancellationToken);

    /// <summary>A service with its questions and their answers, tracked for editing.</summary>
    public Task<Service?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Services().Include(s => s.Attributes).ThenInclude(a => a.Values).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public Task<bool> CodeTakenAsync(string code, CancellationToken cancellationToken = default) =>
        db.Services().AnyAsync(s => s.Code == code, cancellationToken);

    public async Task<Service> CreateAsync(ServiceInput input, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var service = new Service { Code = input.Code, Name = LocalizedText.Empty, Group = LocalizedText.Empty, CreatedAt = now };
        Apply(service, input, now);
        db.Services().Add(service);
        audit.Record("servicerequests.service-created", nameof(Service), service.Code, after: Snapshot(service));
        await db.SaveChangesAsync(cancellationToken);
        return service;
    }

    public async Task UpdateAsync(Service service, ServiceInput input, CancellationToken cancellationToken = default)
    {
        var before = Snapshot(service);
        Apply(service, input, clock.GetUtcNow());
        audit.Record("servicerequests.service-updated", nameof(Service), service.Code, before, Snapshot(service));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ServiceAttribute> AddQuestionAsync(Service service, QuestionInput input, CancellationToken cancellationToken = default)
    {
        var question = new ServiceAttribute { Code = input.Code, Description = LocalizedText.Empty };
        Apply(question, input);
        service.Attributes.Add(question);
        Place(service.Attributes, question, input.Order);
        Touch(service);
        audit.Record("servicerequests.question-added", nameof(Service), service.Code, after: Snapshot(question));
        await db.SaveChangesAsync(cancellationToken);
        return question;
    }

    public async Task UpdateQuestionAsync(Service service, ServiceAttribute question, QuestionInput input, CancellationToken cancellationToken = default)
    {
        var before = Snapshot(question);
        Apply(question, input);
        Place(service.Attributes, question, input.Order);
        Touch(service);
        audit.Record("servicerequests.question-updated", nameof(Service), service.Code, before, Snapshot(question));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stored answers keep their code, so requests still show what was answered.</summary>
    public async Task RemoveQuestionAsync(Service service, ServiceAttribute question, CancellationToken cancellationToken = default)
    {
        var before = Snapshot(question);
        service.Attributes.Remove(question);
        db.ServiceAttributes().Remove(question);
        Place(service.Attributes, null, null);
        Touch(service);
        audit.Record("servicerequests.question-removed", nameof(Service), service.Code, before);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Swaps the question with its neighbour above (<paramref name="offset"/> −1) or below (+1).</summary>
    public async Task MoveQuestionAsync(Service service, ServiceAttribute question, int offset, CancellationToken cancellationToken = default)
    {
        var ordered = service.Attributes.OrderBy(a => a.Order).ToList();
        var index = ordered.IndexOf(question);
        var target = index + Math.Sign(offset);
        if (index < 0 || target < 0 || target >= ordered.Count)
        {
            return;
        }
        var before = ordered.Select(a => a.Code).ToList();
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Order = i + 1;
        }
        Touch(service);
        audit.Record("servicerequests.questions-reordered", nameof(Service), service.Code,
            new { questions = before }, new { questions = ordered.Select(a => a.Code).ToList() });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AttributeValue> AddAnswerAsync(Service service, ServiceAttribute question, AnswerInput input, CancellationToken cancellationToken = default)
    {
        var answer = new AttributeValue
        {
            Key = input.Key,
            Name = ContentCultures.EnsureComplete(input.Name, "An answer"),
            Order = input.Order ?? (question.Values.Count == 0 ? 1 : question.Values.Max(v => v.Order) + 1),
        };
        question.Values.Add(answer);
        Touch(service);
        audit.Record("servicerequests.answer-added", nameof(Service), service.Code, after: Snapshot(question, answer));
        await db.SaveChangesAsync(cancellationToken);
        return answer;
    }

    public async Task UpdateAnswerAsync(Service service, ServiceAttribute question, AttributeValue answer, AnswerInput input, CancellationToken cancellationToken = default)
    {
        var before = Snapshot(question, answer);
        answer.Name = ContentCultures.EnsureComplete(input.Name, "An answer");
        answer.Order = input.Order ?? answer.Order;
        Touch(service);
        audit.Record("servicerequests.answer-updated", nameof(Service), service.Code, before, Snapshot(question, answer));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveAnswerAsync(Service service, ServiceAttribute question, AttributeValue answer, CancellationToken cancellationToken = default)
    {
        var before = Snapshot(question, answer);
        question.Values.Remove(answer);
        db.AttributeValues().Remove(answer);
        Touch(service);
        audit.Record("servicerequests.answer-removed", nameof(Service), service.Code, before);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Apply(Service service, ServiceInput input, DateTimeOffset now)
    {
        service.Name = ContentCultures.EnsureComplete(input.Name, "A service's name");
        service.Description = ContentCultures.EnsureComplete(input.Description, "A service's description");
        service.Keywords = ContentCultures.EnsureComplete(input.Keywords, "A service's keywords");
        service.Group = ContentCultures.EnsureComplete(input.Group, "A service's group");
        service.DepartmentId = input.DepartmentId;
        service.SlaKind = input.SlaKind;
        service.SlaDays = input.SlaKind == SlaKind.None ? 0 : input.SlaDays;
        service.Sensitivity = input.Sensitivity;
        service.IsActive = input.IsActive;
        service.SortOrder = input.SortOrder;
        service.UpdatedAt = now;
    }

    private static void Apply(ServiceAttribute question, QuestionInput input)
    {
        question.Datatype = input.Datatype;
        question.IsVariable = input.IsVariable;
        // An informational text is never answered, so it cannot be required.
        question.IsRequired = input.IsVariable && input.IsRequired;
        question.Description = ContentCultures.EnsureComplete(input.Description, "A question");
        question.DatatypeDescription = ContentCultures.EnsureComplete(input.DatatypeDescription, "A question's hint");
    }

    /// <summary>
    /// Puts <paramref name="question"/> at <paramref name="position"/> (1-based; its current place, or
    /// the end for a new one, when null) and numbers all questions 1, 2, 3… so the order stays dense.
    /// </summary>
    private static void Place(List<ServiceAttribute> questions, ServiceAttribute? question, int? position)
    {
        var others = questions.Where(a => a != question).OrderBy(a => a.Order).ToList();
        if (question is not null)
        {
            var current = question.Order > 0 ? questions.OrderBy(a => a.Order).ToList().IndexOf(question) + 1 : others.Count + 1;
            others.Insert(Math.Clamp((position ?? current) - 1, 0, others.Count), question);
        }
        for (var i = 0; i < others.Count; i++)
        {
            others[i].Order = i + 1;
        }
    }

    /// <summary>Open311 clients cache service definitions; a changed question is a changed service.</summary>
    private void Touch(Service service) => service.UpdatedAt = clock.GetUtcNow();

    private static object Snapshot(Service s) => new
    {
        s.Code, s.Name, s.Description, s.Keywords, s.Group,
        s.DepartmentId, SlaKind = s.SlaKind.ToString(), s.SlaDays, Sensitivity = s.Sensitivity.ToString(), s.IsActive, s.SortOrder,
    };

    private static object Snapshot(ServiceAttribute a) => new
    {
        a.Code, Datatype = a.Datatype.Open311Name(), a.IsVariable, a.IsRequired, a.Description,
        a.DatatypeDescription, a.Order,
    };

    private static object Snapshot(ServiceAttribute question, AttributeValue v) => new { Question = question.Code, v.Key, v.Name, v.Order };
}
