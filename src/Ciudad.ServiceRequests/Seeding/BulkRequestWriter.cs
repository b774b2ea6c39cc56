using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Seeding;

/// <summary>
/// Writes generated requests with their answers and timeline in one transaction per batch, far
/// faster than change tracking. Request ids are chosen by the writer so child rows can point at them.
/// </summary>
internal abstract class BulkRequestWriter(CiudadDbContext db)
{
    protected CiudadDbContext Db { get; } = db;

    protected EntityColumns<ServiceRequest> Requests { get; } = EntityColumns<ServiceRequest>.From(db.Model, includeKey: true);
    protected EntityColumns<RequestAnswer> Answers { get; } = EntityColumns<RequestAnswer>.From(db.Model, includeKey: false);
    protected EntityColumns<RequestEvent> Events { get; } = EntityColumns<RequestEvent>.From(db.Model, includeKey: false);

    public static BulkRequestWriter For(CiudadDbContext db) =>
        db.Database.IsNpgsql() ? new PostgresBulkWriter(db) : new SqliteBulkWriter(db);

    /// <summary>Writes the whole batch, or nothing and false when a unique index refused it (a number taken meanwhile).</summary>
    public abstract Task<bool> TryWriteAsync(IReadOnlyList<ServiceRequest> batch, CancellationToken cancellationToken);

    /// <summary>Brings the planner's statistics up to date after a large load.</summary>
    public virtual Task FinishAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected static void LinkChildren(ServiceRequest request)
    {
        foreach (var answer in request.Answers)
        {
            answer.RequestId = request.Id;
        }
        foreach (var e in request.Events)
        {
            e.RequestId = request.Id;
        }
    }
}
