using Ciudad.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Triage;

internal sealed record StaffPerson(string UserId, string Name);

/// <summary>Who requests of a department may be assigned to: its active members, and the person acting.</summary>
internal sealed class DepartmentPeople(CiudadDbContext db)
{
    public async Task<IReadOnlyList<StaffPerson>> MembersAsync(IReadOnlyCollection<int> departmentIds, CancellationToken cancellationToken = default)
    {
        if (departmentIds.Count == 0)
        {
            return [];
        }
        var people = await db.DepartmentMembers.AsNoTracking()
            .Where(m => departmentIds.Contains(m.DepartmentId) && !m.User!.IsDeactivated)
            .Select(m => new StaffPerson(m.UserId, m.User!.DisplayName ?? m.User.Email ?? m.User.UserName ?? m.UserId))
            .ToListAsync(cancellationToken);
        return [.. people.DistinctBy(p => p.UserId).OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<bool> CanBeAssignedAsync(int departmentId, string userId, StaffActor actor, CancellationToken cancellationToken = default) =>
        (userId == actor.UserId && actor.CanWorkIn(departmentId)) ||
        await db.DepartmentMembers.AnyAsync(m => m.DepartmentId == departmentId && m.UserId == userId && !m.User!.IsDeactivated, cancellationToken);

    /// <summary>The departments whose requests <paramref name="userId"/> may be assigned as a member (none when deactivated).</summary>
    public async Task<IReadOnlySet<int>> ActiveMemberDepartmentsAsync(string userId, CancellationToken cancellationToken = default) =>
        (await db.DepartmentMembers.AsNoTracking()
            .Where(m => m.UserId == userId && !m.User!.IsDeactivated)
            .Select(m => m.DepartmentId)
            .ToListAsync(cancellationToken)).ToHashSet();

    public Task<string?> NameAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => u.DisplayName ?? u.Email ?? u.UserName).FirstOrDefaultAsync(cancellationToken);
}
