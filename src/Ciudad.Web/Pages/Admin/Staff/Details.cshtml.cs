using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.Pages.Admin.Staff;

/// <summary>One person: memberships, administrator role, activation and invitations.</summary>
public sealed class DetailsModel(
    CiudadDbContext db,
    DepartmentService departments,
    StaffService staff,
    UserManager<CiudadUser> users,
    SignInManager<CiudadUser> signIn,
    TimeProvider clock,
    IStringLocalizer<Program> strings) : AdminPageModel
{
    public sealed class AddInput
    {
        [Required(ErrorMessage = "Admin.Person.Add.Department.Required")]
        public int? DepartmentId { get; set; }

        [Required(ErrorMessage = "Admin.Person.Add.Role.Required")]
        public string? Role { get; set; }
    }

    [BindProperty] public AddInput Add { get; set; } = new();

    public CiudadUser Person { get; private set; } = default!;
    public bool IsAdministrator { get; private set; }
    public bool IsSelf { get; private set; }
    public bool IsLastAdministrator { get; private set; }
    public IReadOnlyList<DepartmentMember> Memberships { get; private set; } = [];
    public IReadOnlyList<StaffInvitation> Invitations { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RoleItems { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGrantAdministratorAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!Person.IsStaff || Person.IsDeactivated) return Problem("Admin.Person.NotActiveStaff");
        await staff.SetRoleAsync(Person, null, StaffRoles.Administrator, cancellationToken);
        return await DoneAsync("Admin.Person.AdministratorGranted");
    }

    public async Task<IActionResult> OnPostRevokeAdministratorAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (IsSelf) return Problem("Admin.Person.CannotRevokeSelf");
        if (IsLastAdministrator) return Problem("Admin.Person.LastAdministrator");
        if (!IsAdministrator) return Problem("Admin.Person.NotAdministrator");
        await staff.RevokeAdministratorAsync(Person, cancellationToken);
        return await DoneAsync("Admin.Person.AdministratorRevoked");
    }

    public async Task<IActionResult> OnPostAddToDepartmentAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!Person.IsStaff || Person.IsDeactivated) return Problem("Admin.Person.NotActiveStaff");
        if (Add.Role is not null && Add.Role is not (StaffRoles.Agent or StaffRoles.DepartmentManager))
        {
            ModelState.AddModelError("Add.Role", strings["Admin.Person.Add.Role.Required"]);
        }
        if (Add.DepartmentId is not null && !DepartmentItems.Any(d => d.Value == Add.DepartmentId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError("Add.DepartmentId", strings["Admin.Person.Add.Department.Required"]);
        }
        if (!ModelState.IsValid) return Invalid();
        await staff.SetRoleAsync(Person, Add.DepartmentId, Add.Role!, cancellationToken);
        var department = await departments.FindAsync(Add.DepartmentId!.Value, cancellationToken);
        return await DoneAsync("Admin.Person.Added", department!.Name[StringCatalogCulture.Current], strings[AdminDisplay.RoleInSentenceKey(Add.Role!)]);
    }

    public async Task<IActionResult> OnPostSetRoleAsync(string id, int departmentId, string? role, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var membership = Memberships.FirstOrDefault(m => m.DepartmentId == departmentId);
        if (membership is null || role is not (StaffRoles.Agent or StaffRoles.DepartmentManager)) return Problem("Admin.Person.NotMember");
        await staff.SetRoleAsync(Person, departmentId, role, cancellationToken);
        return await DoneAsync("Admin.Person.RoleChanged", membership.Department!.Name[StringCatalogCulture.Current], strings[AdminDisplay.RoleInSentenceKey(role)]);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id, int departmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var membership = Memberships.FirstOrDefault(m => m.DepartmentId == departmentId);
        if (membership is null) return Problem("Admin.Person.NotMember");
        await staff.RemoveFromDepartmentAsync(Person, departmentId, cancellationToken);
        return await DoneAsync("Admin.Person.Removed", membership.Department!.Name[StringCatalogCulture.Current]);
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (IsSelf) return Problem("Admin.Person.CannotDeactivateSelf");
        if (IsLastAdministrator) return Problem("Admin.Person.LastAdministrator");
        if (Person.IsDeactivated) return Problem("Admin.Person.AlreadyDeactivated");
        await staff.SetDeactivatedAsync(Person, true, cancellationToken);
        return await DoneAsync("Admin.Person.Deactivated");
    }

    public async Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!Person.IsDeactivated) return Problem("Admin.Person.NotDeactivated");
        await staff.SetDeactivatedAsync(Person, false, cancellationToken);
        return await DoneAsync("Admin.Person.Reactivated");
    }

    /// <summary>Sends a fresh invitation with the same department and role; the old link stops working.</summary>
    public async Task<IActionResult> OnPostResendAsync(string id, Guid invitationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var old = await db.StaffInvitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.UserId == Person.Id, cancellationToken);
        if (old is null || old.AcceptedAt is not null) return Problem("Admin.Person.InvitationNotOpen");
        if (old.DepartmentId is null && old.Role != StaffRoles.Administrator) return Problem("Admin.Person.InvitationDepartmentGone");
        if (old.ExpiresAt > Now)
        {
            old.ExpiresAt = Now; // saved with the new invitation, in the same transaction
        }
        await staff.InviteAsync(Person.Email!, old.DepartmentId, old.Role, users.GetUserId(User)!, Person.PreferredCulture, cancellationToken);
        return await DoneAsync("Admin.Invite.Sent", Person.Email!);
    }

    private PageResult Problem(string key)
    {
        ModelState.Clear();
        ModelState.AddModelError("", strings[key]);
        return Invalid();
    }

    private async Task<IActionResult> DoneAsync(string key, params object[] arguments)
    {
        if (IsSelf)
        {
            // The change renewed this administrator's own security stamp; re-issue the cookie so they stay signed in.
            await signIn.RefreshSignInAsync(Person);
        }
        Confirmation = strings[key, [Person.Email ?? "", .. arguments]];
        return RedirectToPage(new { id = Person.Id });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var person = await users.FindByIdAsync(id);
        if (person is null)
        {
            return false;
        }
        Person = person;
        Now = clock.GetUtcNow();
        IsAdministrator = await users.IsInRoleAsync(person, StaffRoles.Administrator);
        IsSelf = person.Id == users.GetUserId(User);
        IsLastAdministrator = await staff.IsLastActiveAdministratorAsync(person, cancellationToken);
        var culture = StringCatalogCulture.Current;
        Memberships = await db.DepartmentMembers.AsNoTracking().Include(m => m.Department)
            .Where(m => m.UserId == person.Id).ToListAsync(cancellationToken);
        Memberships = Memberships.OrderBy(m => m.Department!.Name[culture], StringComparer.CurrentCultureIgnoreCase).ToList();
        Invitations = await db.StaffInvitations.AsNoTracking().Include(i => i.Department)
            .Where(i => i.UserId == person.Id).ToListAsync(cancellationToken);
        Invitations = Invitations.OrderByDescending(i => i.CreatedAt).ToList();
        var memberOf = Memberships.Select(m => m.DepartmentId).ToHashSet();
        DepartmentItems = (await departments.ListAsync(cancellationToken)).Where(d => d.IsActive && !memberOf.Contains(d.Id))
            .OrderBy(d => d.Name[culture], StringComparer.CurrentCultureIgnoreCase)
            .Select(d => new SelectListItem(d.Name[culture], d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        RoleItems = [new(strings[AdminDisplay.RoleKey(StaffRoles.Agent)], StaffRoles.Agent), new(strings[AdminDisplay.RoleKey(StaffRoles.DepartmentManager)], StaffRoles.DepartmentManager)];
        return true;
    }
}
