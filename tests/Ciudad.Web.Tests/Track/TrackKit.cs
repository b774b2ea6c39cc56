using Ciudad.Platform.Data;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Web.Tests.Track;

/// <summary>What staff would do to a request, done directly so the tracking tests need no staff pages.</summary>
internal static class TrackKit
{
    /// <summary>A public update through the real workflow (timeline entry, status, follower emails).</summary>
    public static Task PublishAsync(this CiudadApp app, ServiceRequest request, RequestStatus status, string? note = null,
        RequestEventKind kind = RequestEventKind.StatusChanged) =>
        app.WithServicesAsync(async sp =>
        {
            var updates = sp.GetRequiredService<RequestUpdates>();
            var loaded = await updates.LoadAsync(request.Id) ?? throw new InvalidOperationException("No such request.");
            updates.Publish(loaded, status, note, kind, actorUserId: null, actorName: "Staffer Secretname");
            await sp.GetRequiredService<CiudadDbContext>().SaveChangesAsync();
        });

    /// <summary>
    /// A neighbour follows by address and confirms it as they would: the link in the email, then the
    /// page's button. Updates reach only confirmed followers.
    /// </summary>
    public static async Task FollowConfirmedAsync(this CiudadApp app, ServiceRequest request, string email, string culture = "en")
    {
        await app.WithServicesAsync(sp => sp.GetRequiredService<RequestFollowing>().FollowAsync(request.Number, email, culture, person: null));
        var mail = await app.Mailbox.WaitForAsync(email, m => m.TextBody?.Contains("/requests/follow/confirm/", StringComparison.Ordinal) == true);
        using var session = app.NewSession(culture == "es" ? "es-MX" : "en-US");
        var question = await session.GetAsync(Mailbox.LinkIn(mail, "/requests/follow/confirm/"));
        await session.SubmitAsync(question);
    }

    public static Task AddInternalNoteAsync(this CiudadApp app, ServiceRequest request, string note) =>
        app.WithDbAsync(async db =>
        {
            db.RequestEvents().Add(new RequestEvent
            {
                RequestId = request.Id,
                OccurredAt = DateTimeOffset.UtcNow,
                Kind = RequestEventKind.InternalNote,
                IsPublic = false,
                Status = RequestStatus.Received,
                Note = note,
                ActorName = "Staffer Secretname",
            });
            return await db.SaveChangesAsync();
        });

    /// <summary>Moves the closing back in time, as if it happened <paramref name="daysAgo"/> days ago.</summary>
    public static Task SetClosedDaysAgoAsync(this CiudadApp app, ServiceRequest request, int daysAgo) =>
        app.WithDbAsync(db => db.Requests().Where(r => r.Id == request.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClosedAt, DateTimeOffset.UtcNow.AddDays(-daysAgo))));

    /// <summary>Marks <paramref name="child"/> as merged into <paramref name="into"/> (staff's merge also closes it as a duplicate).</summary>
    public static Task MergeAsync(this CiudadApp app, ServiceRequest child, ServiceRequest into) =>
        app.WithDbAsync(db => db.Requests().Where(r => r.Id == child.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ParentRequestId, into.Id)));

    public static Task<ServiceRequest> ReloadAsync(this CiudadApp app, ServiceRequest request) =>
        app.WithDbAsync(db => db.Requests().AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Id == request.Id));

    /// <summary>A photo row with JPEG-looking bytes; the endpoint serves stored bytes as they are.</summary>
    public static Task<Guid> AddPhotoAsync(this CiudadApp app, ServiceRequest request, bool isPublic = true) =>
        app.WithDbAsync(async db =>
        {
            var photo = new RequestPhoto
            {
                Id = Guid.NewGuid(),
                RequestId = request.Id,
                ContentType = "image/jpeg",
                Content = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9],
                Thumbnail = [0xFF, 0xD8, 0xFF, 0xE0, 4, 5, 0xFF, 0xD9],
                Width = 640,
                Height = 480,
                IsPublic = isPublic,
                UploadedAt = DateTimeOffset.UtcNow,
            };
            db.RequestPhotos().Add(photo);
            await db.SaveChangesAsync();
            return photo.Id;
        });

    public static string Display(this ServiceRequest request) => RequestNumbers.Format(request.Number);
}
