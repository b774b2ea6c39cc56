using Ciudad.Forms.Catalog;
using System.Globalization;
using Ciudad.Platform.City;
using Ciudad.Platform.Data;
using Ciudad.Platform.Email;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Forms.Filling;

/// <summary>Keeps forms being filled in: start, find (cookie, account or resume link), save, email a resume link.</summary>
internal sealed class FormDrafts(CiudadDbContext db, Emails emails, CityTime cityTime, TimeProvider clock)
{
    /// <summary>A draft is forgotten this long after its last change.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    /// <summary>An emailed resume link works this long (a week is enough to come back; a mailbox is not a vault).</summary>
    public static readonly TimeSpan ResumeLinkLifetime = TimeSpan.FromDays(7);

    private DbSet<FormDraft> Drafts => db.FormDrafts();

    /// <summary>A new draft of the published version, with the account's answers filled in, and the browser's secret.</summary>
    public async Task<(FormDraft Draft, string Secret)> StartAsync(PublishedForm form, string? userId, string culture, FormAnswers prefill, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await Drafts.Where(d => d.UpdatedAt < now - Lifetime).ExecuteDeleteAsync(cancellationToken);
        var secret = Secrets.New();
        var draft = new FormDraft
        {
            TokenHash = Secrets.Hash(secret),
            FormId = form.Form.Id,
            FormVersionId = form.Version.Id,
            UserId = userId,
            AnswersJson = prefill.ToJson(),
            Culture = culture,
            CreatedAt = now,
            UpdatedAt = now,
        };
        Drafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return (draft, secret);
    }

    /// <summary>
    /// The draft of this form the visitor is filling: the one behind their cookie, else (signed in)
    /// their latest unsubmitted one. Tracked; null when there is none or it has expired.
    /// </summary>
    public async Task<FormDraft?> FindAsync(long formId, string? secret, string? userId, CancellationToken cancellationToken = default)
    {
        var oldest = clock.GetUtcNow() - Lifetime;
        if (Secrets.Plausible(secret))
        {
            var hash = Secrets.Hash(secret!);
            var draft = await Drafts.FirstOrDefaultAsync(d => d.TokenHash == hash && d.FormId == formId && d.UpdatedAt > oldest, cancellationToken);
            // Someone else's draft behind this browser's cookie (a shared computer) is not theirs to see.
            if (draft is not null && (draft.UserId is null || draft.UserId == userId))
            {
                return draft;
            }
        }
        if (userId is null)
        {
            return null;
        }
        return await Drafts.Where(d => d.UserId == userId && d.FormId == formId && d.SubmittedReference == null && d.UpdatedAt > oldest)
            .OrderByDescending(d => d.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Opens a draft from an emailed link: the browser gets a fresh secret (so the link works on
    /// another device) and the link keeps working until it expires. Null when it does not or has.
    /// </summary>
    public async Task<(FormDraft Draft, string Secret)?> ResumeAsync(string? resumeSecret, CancellationToken cancellationToken = default)
    {
        if (!Secrets.Plausible(resumeSecret))
        {
            return null;
        }
        var hash = Secrets.Hash(resumeSecret!);
        var now = clock.GetUtcNow();
        var draft = await Drafts.FirstOrDefaultAsync(d => d.ResumeHash == hash && d.ResumeExpiresAt > now && d.UpdatedAt > now - Lifetime, cancellationToken);
        if (draft is null)
        {
            return null;
        }
        var secret = Secrets.New();
        draft.TokenHash = Secrets.Hash(secret);
        await db.SaveChangesAsync(cancellationToken);
        return (draft, secret);
    }

    public async Task SaveAsync(FormDraft draft, FormAnswers answers, CancellationToken cancellationToken = default)
    {
        draft.AnswersJson = answers.ToJson();
        draft.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Emails a link that reopens the draft; a new link replaces any earlier one.</summary>
    public async Task<DateTimeOffset> EmailResumeLinkAsync(FormDraft draft, PublishedForm form, string email, string culture, CancellationToken cancellationToken = default)
    {
        var secret = Secrets.New();
        var now = clock.GetUtcNow();
        draft.ResumeHash = Secrets.Hash(secret);
        draft.ResumeExpiresAt = now + ResumeLinkLifetime;
        draft.UpdatedAt = now;
        emails.Queue(email, culture, "FormResume", form.Definition.Title.For(culture),
            emails.Link($"/forms/resume/{secret}"),
            cityTime.ToLocal(draft.ResumeExpiresAt.Value).ToString("D", CultureInfo.GetCultureInfo(culture)));
        await db.SaveChangesAsync(cancellationToken);
        return draft.ResumeExpiresAt.Value;
    }
}
