using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Localization;
using Ciudad.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Forms.Catalog;

/// <summary>A published form as residents reach it: the form, the version they fill in, and its definition.</summary>
internal sealed record PublishedForm(Form Form, FormVersion Version, FormDefinition Definition);

/// <summary>Creates forms, publishes them as immutable versions, retires them, and finds what is published.</summary>
internal sealed class FormLibrary(CiudadDbContext db, AuditLog audit, PublishedDefinitions definitions, TimeProvider clock)
{
    /// <summary>A new draft form. The definition must meet the rules to be saved (not yet those to publish).</summary>
    public async Task<Outcome<Form>> CreateAsync(FormDefinition definition, string slug, int departmentId, FormAudience audience,
        int retentionDays, LocalizedText? purpose = null, CancellationToken cancellationToken = default)
    {
        var errors = FormDefinitionRules.ToSave(definition);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors).As<Form>();
        }
        if (!FormSlugs.IsValid(slug))
        {
            return Outcome.Invalid("Slug", "Forms.Library.SlugFormat", slug).As<Form>();
        }
        if (await db.Forms().AnyAsync(f => f.Slug == slug, cancellationToken))
        {
            return Outcome.Invalid("Slug", "Forms.Library.SlugTaken", slug).As<Form>();
        }
        var now = clock.GetUtcNow();
        var form = new Form
        {
            Slug = slug,
            DepartmentId = departmentId,
            Title = definition.Title,
            Purpose = purpose ?? LocalizedText.Empty,
            Audience = audience,
            RetentionDays = retentionDays,
            DraftJson = FormDefinitionJson.Write(definition),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Forms().Add(form);
        audit.Record("forms.created", nameof(Form), slug, after: new { slug, departmentId, audience = audience.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Of(form);
    }

    /// <summary>Publishes the form's draft as its next version; what residents start from now on.</summary>
    public async Task<Outcome<FormVersion>> PublishAsync(long formId, string? publishedBy, CancellationToken cancellationToken = default)
    {
        var form = await db.Forms().FirstOrDefaultAsync(f => f.Id == formId, cancellationToken);
        if (form is null)
        {
            return Outcome.NotFound.As<FormVersion>();
        }
        var (definition, error) = FormDefinitionJson.Read(form.DraftJson);
        if (definition is null)
        {
            return Outcome.Invalid("Definition", "Forms.Library.Unreadable", error ?? "").As<FormVersion>();
        }
        var errors = FormDefinitionRules.ToPublish(definition);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors).As<FormVersion>();
        }
        var number = 1 + (await db.FormVersions().Where(v => v.FormId == formId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0);
        var now = clock.GetUtcNow();
        var version = new FormVersion { FormId = formId, Number = number, DefinitionJson = form.DraftJson, PublishedAt = now, PublishedBy = publishedBy };
        db.FormVersions().Add(version);
        await db.SaveChangesAsync(cancellationToken);
        form.PublishedVersionId = version.Id;
        form.Status = FormStatus.Published;
        form.ReplacedBySlug = null;
        form.UpdatedAt = now;
        audit.Record("forms.published", nameof(Form), form.Slug, after: new { version = number });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Of(version);
    }

    /// <summary>Takes a form out of use; its page then points at <paramref name="replacedBySlug"/> when given.</summary>
    public async Task<Outcome> RetireAsync(long formId, string? replacedBySlug, CancellationToken cancellationToken = default)
    {
        var form = await db.Forms().FirstOrDefaultAsync(f => f.Id == formId, cancellationToken);
        if (form is null)
        {
            return Outcome.NotFound;
        }
        if (replacedBySlug is not null && !await db.Forms().AnyAsync(f => f.Slug == replacedBySlug && f.Id != formId && f.Status == FormStatus.Published, cancellationToken))
        {
            return Outcome.Invalid("ReplacedBy", "Forms.Library.ReplacementMissing", replacedBySlug);
        }
        var before = new { status = form.Status.ToString() };
        form.Status = FormStatus.Retired;
        form.ReplacedBySlug = replacedBySlug;
        form.UpdatedAt = clock.GetUtcNow();
        audit.Record("forms.retired", nameof(Form), form.Slug, before, new { status = form.Status.ToString(), replacedBy = replacedBySlug });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>The form at this address with the version residents fill in now, or null when it is not published.</summary>
    public async Task<PublishedForm?> FindPublishedAsync(string slug, CancellationToken cancellationToken = default)
    {
        var found = await db.Forms().AsNoTracking()
            .Where(f => f.Slug == slug && f.Status == FormStatus.Published)
            .Join(db.FormVersions().AsNoTracking(), f => f.PublishedVersionId, v => v.Id, (f, v) => new { f, v })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new PublishedForm(found.f, found.v, definitions.For(found.v));
    }

    /// <summary>A given version of a form (a draft keeps the version it was started on).</summary>
    public async Task<PublishedForm?> FindVersionAsync(long formId, long versionId, CancellationToken cancellationToken = default)
    {
        var form = await db.Forms().AsNoTracking().FirstOrDefaultAsync(f => f.Id == formId, cancellationToken);
        var version = await db.FormVersions().AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId && v.FormId == formId, cancellationToken);
        return form is null || version is null ? null : new PublishedForm(form, version, definitions.For(version));
    }

    /// <summary>A form by address whatever its state (a retired form's page says where to go instead).</summary>
    public Task<Form?> FindAsync(string slug, CancellationToken cancellationToken = default) =>
        db.Forms().AsNoTracking().FirstOrDefaultAsync(f => f.Slug == slug, cancellationToken);
}

/// <summary>Form addresses: lowercase letters, digits and dashes, as people would type them.</summary>
internal static partial class FormSlugs
{
    /// <summary>Addresses the module's own pages use (<c>/forms/resume/…</c>, <c>/forms/submissions/…</c>).</summary>
    private static readonly HashSet<string> Reserved = ["resume", "submissions", "mine"];

    public static bool IsValid(string? slug) => slug is { Length: >= 3 and <= 80 } && Pattern().IsMatch(slug) && !Reserved.Contains(slug);

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex Pattern();
}
