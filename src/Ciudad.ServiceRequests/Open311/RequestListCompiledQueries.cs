using System.Linq.Expressions;
using Ciudad.Platform.Data;
using Microsoft.EntityFrameworkCore;
using static Ciudad.ServiceRequests.Open311.RequestListQuery;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// The list's fixed shapes as EF compiled queries (see <see cref="RequestListQuery"/>): a page of a
/// plain list, its count, and one request by number. One instance per app (a singleton): EF binds a
/// compiled query to the model of the first context that runs it, and a process may hold more than
/// one app (the tests run SQLite and PostgreSQL apps side by side).
/// </summary>
internal sealed class RequestListCompiledQueries
{
    public Func<CiudadDbContext, int[]?, bool?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, int, int, string, IAsyncEnumerable<RequestListRow>> Page { get; } =
        EF.CompileAsyncQuery(ExpressionInlining.Expand<Expression<Func<CiudadDbContext, int[]?, bool?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, int, int, string, IQueryable<RequestListRow>>>>(
            (db, ids, open, from, to, after, before, skip, take, culture) =>
                Visible.Invoke<IQueryable<Joined>>(db)
                    .Where(x => ColumnFilters.Invoke<bool>(x, ids, open, from, to, after, before))
                    .OrderByDescending(x => x.Request.RequestedAt).ThenByDescending(x => x.Request.Id)
                    .Skip(skip).Take(take)
                    .Select(x => Row.Invoke<RequestListRow>(db, x, culture))));

    public Func<CiudadDbContext, int[]?, bool?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, CancellationToken, Task<int>> Count { get; } =
        EF.CompileAsyncQuery(ExpressionInlining.Expand<Expression<Func<CiudadDbContext, int[]?, bool?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, CancellationToken, int>>>(
            (db, ids, open, from, to, after, before, cancellationToken) =>
                Visible.Invoke<IQueryable<Joined>>(db).Count(x => ColumnFilters.Invoke<bool>(x, ids, open, from, to, after, before))));

    public Func<CiudadDbContext, string, string, IAsyncEnumerable<RequestListRow>> Single { get; } =
        EF.CompileAsyncQuery(ExpressionInlining.Expand<Expression<Func<CiudadDbContext, string, string, IQueryable<RequestListRow>>>>(
            (db, number, culture) =>
                Visible.Invoke<IQueryable<Joined>>(db).Where(x => x.Request.Number == number).Select(x => Row.Invoke<RequestListRow>(db, x, culture))));
}
