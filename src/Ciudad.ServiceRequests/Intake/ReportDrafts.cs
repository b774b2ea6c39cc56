using System.Security.Cryptography;
using System.Text;
using Ciudad.Platform.Data;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests.Photos;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Intake;

/// <summary>Keeps the web report journey's drafts: start, find by cookie token, photos, submit.</summary>
internal sealed class ReportDrafts(CiudadDbContext db, RequestIntake intake, TimeProvider clock)
{
    /// <summary>A draft is forgotten a day after it was started.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private DbSet<ReportDraft> Drafts => db.Set<ReportDraft>();
    private DbSet<ReportDraftPhoto> DraftPhotos => db.Set<ReportDraftPhoto>();

    /// <summary>A new draft and the token to give the visitor (only its hash is stored).</summary>
    public async Task<(ReportDraft Draft, string Token)> StartAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await ForgetExpiredAsync(now, cancellationToken);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var draft = new ReportDraft { TokenHash = Hash(token), CreatedAt = now, UpdatedAt = now };
        Drafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return (draft, token);
    }

    /// <summary>The visitor's live draft (tracked, without photo bytes), or null.</summary>
    public async Task<ReportDraft?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128)
        {
            return null;
        }
        var hash = Hash(token);
        var oldest = clock.GetUtcNow() - Lifetime;
        return await Drafts.FirstOrDefaultAsync(d => d.TokenHash == hash && d.CreatedAt > oldest, cancellationToken);
    }

    public async Task SaveAsync(ReportDraft draft, CancellationToken cancellationToken = default)
    {
        draft.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> PhotoIdsAsync(ReportDraft draft, CancellationToken cancellationToken = default) =>
        await DraftPhotos.Where(p => p.DraftId == draft.Id).OrderBy(p => p.Order).Select(p => p.Id).ToListAsync(cancellationToken);

    /// <summary>Adds a photo that <see cref="PhotoProcessor"/> has already re-encoded; the caller saves.</summary>
    public async Task AddPhotoAsync(ReportDraft draft, ProcessedPhoto photo, CancellationToken cancellationToken = default)
    {
        var order = await DraftPhotos.Where(p => p.DraftId == draft.Id).Select(p => (int?)p.Order).MaxAsync(cancellationToken) ?? -1;
        order = Math.Max(order, DraftPhotos.Local.Where(p => p.DraftId == draft.Id).Select(p => p.Order).DefaultIfEmpty(-1).Max());
        DraftPhotos.Add(new ReportDraftPhoto
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            DraftId = draft.Id,
            Order = order + 1,
            ContentType = photo.ContentType,
            Content = photo.Content,
            Thumbnail = photo.Thumbnail,
            Width = photo.Width,
            Height = photo.Height,
        });
    }

    /// <summary>Removes one of the draft's photos (another draft's id does nothing); the caller saves.</summary>
    public async Task RemovePhotoAsync(ReportDraft draft, Guid photoId, CancellationToken cancellationToken = default)
    {
        var photo = await DraftPhotos.FirstOrDefaultAsync(p => p.Id == photoId && p.DraftId == draft.Id, cancellationToken);
        if (photo is not null)
        {
            DraftPhotos.Remove(photo);
        }
    }

    /// <summary>The JPEG bytes of a draft's photo or thumbnail, or null when it is not this draft's.</summary>
    public async Task<byte[]?> PhotoBytesAsync(ReportDraft draft, Guid photoId, bool thumbnail, CancellationToken cancellationToken = default) =>
        await DraftPhotos.Where(p => p.Id == photoId && p.DraftId == draft.Id)
            .Select(p => thumbnail ? p.Thumbnail : p.Content)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Files the draft through <see cref="RequestIntake"/> (the same rules as every channel). On
    /// success the draft remembers the number and lets its photos go; on refusal nothing changes.
    /// Not found when another submit of the same draft got there first.
    /// </summary>
    public async Task<Outcome<ServiceRequest>> SubmitAsync(ReportDraft draft, string culture, string? userId, CancellationToken cancellationToken = default)
    {
        // Two submits of one draft (a double click, two tabs) must file one request. The first
        // statement of the transaction claims the draft: the second submit's claim waits for the
        // first to commit and then finds the draft submitted, so it files nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await Drafts.Where(d => d.Id == draft.Id && d.SubmittedNumber == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.UpdatedAt, clock.GetUtcNow()), cancellationToken);
        if (claimed == 0)
        {
            return Outcome.NotFound.As<ServiceRequest>();
        }
        var photos = await DraftPhotos.AsNoTracking().Where(p => p.DraftId == draft.Id).OrderBy(p => p.Order)
            .Select(p => new ProcessedPhoto(p.ContentType, p.Content, p.Thumbnail, p.Width, p.Height))
            .ToListAsync(cancellationToken);
        var result = await intake.SubmitAsync(new IntakeSubmission
        {
            ServiceCode = draft.ServiceCode ?? "",
            Latitude = draft.Latitude,
            Longitude = draft.Longitude,
            Address = draft.Address,
            Zipcode = draft.Zipcode,
            Description = draft.Description,
            Answers = draft.Answers.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value),
            Photos = photos,
            Name = draft.Name,
            Email = draft.Email,
            Phone = draft.Phone,
            Culture = culture,
            NotifyByEmail = draft.NotifyByEmail,
            ReporterUserId = userId,
        }, cancellationToken);
        if (result.Value is { } request)
        {
            draft.SubmittedNumber = request.Number;
            draft.SubmittedWithEmail = request.ReporterEmail is not null;
            await DraftPhotos.Where(p => p.DraftId == draft.Id).ExecuteDeleteAsync(cancellationToken);
            await SaveAsync(draft, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return result;
    }

    /// <summary>The request a submitted draft became, with its service, for the confirmation page.</summary>
    public async Task<ServiceRequest?> SubmittedRequestAsync(ReportDraft draft, CancellationToken cancellationToken = default) =>
        draft.SubmittedNumber is null
            ? null
            : await db.Requests().AsNoTracking().Include(r => r.Service)
                .FirstOrDefaultAsync(r => r.Number == draft.SubmittedNumber, cancellationToken);

    private async Task ForgetExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var oldest = now - Lifetime;
        await DraftPhotos.Where(p => Drafts.Any(d => d.Id == p.DraftId && d.CreatedAt <= oldest)).ExecuteDeleteAsync(cancellationToken);
        await Drafts.Where(d => d.CreatedAt <= oldest).ExecuteDeleteAsync(cancellationToken);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
